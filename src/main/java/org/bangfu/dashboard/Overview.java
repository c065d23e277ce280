package org.bangfu.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.bangfu.household.HouseholdStage;
import org.bangfu.shared.Money;

/**
 * The leadership dashboard's figures (领导驾驶舱) for a filter in the reader's scope, as of {@code today}. Streets and
 * teams appear by name; steps by their process and step keys; stages, classes and causes by their codes.
 */
public record Overview(DashboardFilter filter, LocalDate today, long households, List<StageFigure> stages,
        StageTable byStreet, StageTable byTeam, Overdue overdue, FieldWork fieldWork, Funds funds,
        List<Share> attributes, List<Share> causes, List<MonthTrend> trends) {

    /** A stage: households there now; how many entered and left it in the period. */
    public record StageFigure(HouseholdStage stage, long households, long entered, long departed) {
    }

    /** Households per stage per street or team, with each row's and each stage's totals. */
    public record StageTable(List<StageRow> rows, StageRow total) {
    }

    /** A street's or a team's households per stage (id null: the total; for teams, id 0 is "no team yet"). */
    public record StageRow(Long id, String name, Map<HouseholdStage, Long> byStage, long total) {
    }

    /** Steps waiting and past their due date: per step, per street, per team, and the cases waiting longest. */
    public record Overdue(long waiting, long overdue, List<StepLoad> steps, List<PlaceLoad> streets,
            List<PlaceLoad> teams, List<Waiting> longestWaiting) {
    }

    /** A step of a process: cases waiting there, how many past due, and the median wait in days. */
    public record StepLoad(String processKey, String taskKey, long waiting, long overdue, double medianDays) {
    }

    /** A street's or team's waiting steps and how many are past due. */
    public record PlaceLoad(Long id, String name, long waiting, long overdue) {
    }

    /** A case waiting at a step: the household by name, since when, due by when. */
    public record Waiting(long householdId, String headName, String processKey, String taskKey, LocalDate waitingSince,
            LocalDate dueOn, long waitingDays, boolean overdue) {
    }

    /**
     * Field work: per team, households in assistance due a visit or a review within the next days and those already
     * past due; exits proposed and completed in the period.
     */
    public record FieldWork(int soonDays, List<TeamFieldWork> teams, TeamFieldWork total, long exitsProposed,
            long exitsCompleted) {
    }

    public record TeamFieldWork(Long teamId, String name, long visitsDue, long visitsOverdue, long reviewsDue,
            long reviewsOverdue) {
    }

    /** The funds of a year: the district's (or the filter's) total, per street, per team, and month by month. */
    public record Funds(int year, MoneyFigures total, List<PlaceMoney> streets, List<PlaceMoney> teams,
            List<MonthMoney> months) {
    }

    /**
     * Arranged; asked for (net of requests withdrawn or sent back); approved; paid (released); what is left to ask
     * for; what was asked for and awaits approval; what was approved and awaits the bank: by the ledger's one balance
     * formula.
     */
    public record MoneyFigures(Money arranged, Money requested, Money approved, Money paid, Money remaining,
            Money inApproval, Money awaitingPayment) {
    }

    public record PlaceMoney(Long id, String name, MoneyFigures money) {
    }

    public record MonthMoney(YearMonth month, Money requested, Money approved, Money paid) {
    }

    /** Households on record of one class or main cause (code; empty: none recorded), whatever their stage. */
    public record Share(String code, long households) {
    }

    /** A month: cases started, households filed, paired and exited, and money paid. */
    public record MonthTrend(YearMonth month, long casesStarted, long filed, long paired, long exited, Money paid) {
    }
}
