package org.bangfu.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.calendar.WorkingDays;
import org.bangfu.household.HouseholdScope;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications about tasks, and the watch over due dates: once a task is due the next working day its holder
 * (or its group) is reminded; once it is overdue its group is told and the district gets an escalation.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final Clock clock;

    Notifications(JdbcClient jdbc, WorkingDays workingDays, Clock clock) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The caller's notifications (to them or to their groups) about households in their scope, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> mine(boolean unreadOnly, int limit) {
        SignedInUser user = CurrentUser.require();
        HouseholdScope scope = HouseholdScope.of(user);
        List<String> recipients = recipients(user);
        List<Object> params = new ArrayList<>(recipients);
        params.addAll(scope.parameters());
        params.add(user.getUsername());
        params.add(Math.max(1, Math.min(limit, 200)));
        return jdbc.sql("""
                select n.id, n.recipient, n.kind, n.task_id, n.household_id, h.head_name, n.task_key, n.due_on,
                       n.created_at, n.read_at
                  from bf_notification n left join bf_household h on h.id = n.household_id
                 where """ + addressedTo(recipients, scope)
                + (unreadOnly ? " and n.read_at is null" : "") + " order by n.created_at desc, n.id desc"
                + " fetch first ? rows only")
                .params(params)
                .query((rs, n) -> new Notification(rs.getLong(1), rs.getString(2),
                        Notification.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, Long.class),
                        rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getObject(10) != null))
                .list();
    }

    /** How many of the caller's notifications are unread (the bell's number). */
    @Transactional(readOnly = true)
    public int unreadCount() {
        SignedInUser user = CurrentUser.require();
        HouseholdScope scope = HouseholdScope.of(user);
        List<String> recipients = recipients(user);
        List<Object> params = new ArrayList<>(recipients);
        params.addAll(scope.parameters());
        params.add(user.getUsername());
        return jdbc.sql("""
                select count(*) from bf_notification n left join bf_household h on h.id = n.household_id
                 where n.read_at is null and """ + addressedTo(recipients, scope))
                .params(params).query(Integer.class).single();
    }

    /**
     * The notifications a person sees: to them or their groups, about a household in their scope or about none (the
     * calendar's reminder), and not about what they did themselves. Parameters: the recipients, the scope's, the
     * username.
     */
    private static String addressedTo(List<String> recipients, HouseholdScope scope) {
        return " n.recipient in (" + "?, ".repeat(recipients.size() - 1) + "?) and (n.household_id is null or "
                + scope.condition() + ") and (n.actor is null or n.actor <> ?)";
    }

    /** Who causes a notification being written now: the signed-in person, none for the system's own work. */
    static String actor() {
        return CurrentUser.get().map(SignedInUser::getUsername).orElse(null);
    }

    /** A person's own notifications and their groups'. */
    private static List<String> recipients(SignedInUser user) {
        List<String> recipients = new ArrayList<>(PairingTasks.groups(user));
        recipients.add(person(user.getUsername()));
        return recipients;
    }

    /**
     * How a notification to one person is addressed: apart from the groups' names ({@code district}, {@code
     * street-1}), which a username may equal.
     */
    static String person(String username) {
        return "user:" + username;
    }

    /** Marks one of the caller's notifications read (a group's notification: read for the group). */
    @Transactional
    public void markRead(long notificationId) {
        List<String> recipients = recipients(CurrentUser.require());
        List<Object> params = new ArrayList<>();
        params.add(now());
        params.add(notificationId);
        params.addAll(recipients);
        jdbc.sql("update bf_notification set read_at = ? where id = ? and read_at is null and recipient in ("
                + "?, ".repeat(recipients.size() - 1) + "?)").params(params).update();
    }

    /** Marks every notification the caller sees read (全部已读); returns how many were unread. */
    @Transactional
    public int markAllRead() {
        SignedInUser user = CurrentUser.require();
        HouseholdScope scope = HouseholdScope.of(user);
        List<String> recipients = recipients(user);
        List<Object> params = new ArrayList<>();
        params.add(now());
        params.addAll(recipients);
        params.addAll(scope.parameters());
        params.add(user.getUsername());
        return jdbc.sql("""
                update bf_notification set read_at = ? where read_at is null and id in (
                  select n.id from bf_notification n left join bf_household h on h.id = n.household_id
                   where """ + addressedTo(recipients, scope) + ")").params(params).update();
    }

    /** Reminds of tasks due the next working day and escalates overdue ones, each once. Every 15 minutes. */
    @Scheduled(fixedDelayString = "${bangfu.pairing.due-watch-interval:PT15M}", initialDelayString = "PT1M")
    @Transactional
    public void watchDueDates() {
        LocalDate today = LocalDate.now(clock);
        LocalDate nextWorkingDay = workingDays.plus(today, 1);
        int reminded = jdbc.sql("""
                insert into bf_notification (recipient, kind, task_id, household_id, task_key, due_on, created_at)
                select case when t.assignee is null then t.candidate_group else concat('user:', t.assignee) end,
                       'DUE_SOON', t.task_id, t.household_id, t.task_key,
                       t.due_on, ?
                  from bf_task t where t.reminded = false and t.due_on <= ? and t.due_on >= ?""")
                .params(now(), nextWorkingDay, today).update();
        jdbc.sql("update bf_task set reminded = true where reminded = false and due_on <= ? and due_on >= ?")
                .params(nextWorkingDay, today).update();
        int overdue = jdbc.sql("""
                insert into bf_notification (recipient, kind, task_id, household_id, task_key, due_on, created_at)
                select case when t.assignee is null then t.candidate_group else concat('user:', t.assignee) end,
                       'OVERDUE', t.task_id, t.household_id, t.task_key,
                       t.due_on, ?
                  from bf_task t where t.escalated = false and t.due_on < ?""")
                .params(now(), today).update();
        jdbc.sql("""
                insert into bf_notification (recipient, kind, task_id, household_id, task_key, due_on, created_at)
                select ?, 'ESCALATED', t.task_id, t.household_id, t.task_key, t.due_on, ?
                  from bf_task t where t.escalated = false and t.due_on < ?""")
                .params(PairingVariables.DISTRICT_GROUP, now(), today).update();
        jdbc.sql("update bf_task set escalated = true, reminded = true where escalated = false and due_on < ?")
                .param(today).update();
        if (reminded + overdue > 0) {
            log.info("Due dates: {} reminders, {} overdue tasks escalated to the district", reminded, overdue);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
