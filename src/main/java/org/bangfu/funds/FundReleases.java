package org.bangfu.funds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdNotFound;
import org.bangfu.household.Households;
import org.bangfu.pairing.HouseholdPaired;
import org.bangfu.pairing.PairingVariables;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fund releases (资金发放): a {@code FundReleaseProcess} per release of a paired household. The first starts when
 * the household is paired; its team or the district starts further ones.
 */
@Service
public class FundReleases {

    private final JdbcClient jdbc;
    private final Households households;
    private final RuntimeService runtime;
    private final TaskService taskService;

    FundReleases(JdbcClient jdbc, Households households, RuntimeService runtime, TaskService taskService) {
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.households = households;
        this.runtime = runtime;
    }

    /**
     * Starts a release for the household: the team's request is its first task. Its team (member or leader) or
     * the district; the household must be paired with a team.
     *
     * @return the release's process instance id
     */
    @Transactional
    public String start(long householdId) {
        SignedInUser user = CurrentUser.requireRole(Role.TEAM_MEMBER, Role.TEAM_LEADER, Role.DISTRICT);
        HouseholdFile household = households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        Long pairedCase = pairedCase(householdId);
        if (household.teamId() == null || pairedCase == null) {
            throw new InvalidInput(List.of(new FieldError("household", "funds.release.notPaired")));
        }
        if (user.role() != Role.DISTRICT && !household.teamId().equals(user.teamId())) {
            throw new HouseholdNotFound(householdId);
        }
        return start(householdId, household.streetId(), household.teamId(), pairedCase);
    }

    private String start(long householdId, long streetId, long teamId, long caseId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PairingVariables.HOUSEHOLD_ID, householdId);
        variables.put(PairingVariables.CASE_ID, caseId);
        variables.put(PairingVariables.STREET_ID, streetId);
        variables.put(PairingVariables.TEAM_ID, teamId);
        return runtime.startProcessInstanceByKey(FundVariables.RELEASE_PROCESS, Households.fileNo(householdId),
                variables).getId();
    }

    /** The household's case that paired it, the latest if several. */
    private Long pairedCase(long householdId) {
        return jdbc.sql("select max(id) from bf_pairing_case where household_id = ? and status = 'PAIRED'")
                .param(householdId).query(Long.class).optional().orElse(null);
    }

    /** A household just paired gets its first release, waiting for the team's request. */
    @ApplicationModuleListener
    void on(HouseholdPaired paired) {
        long streetId = jdbc.sql("select street_id from bf_household where id = ?").param(paired.householdId())
                .query(Long.class).single();
        start(paired.householdId(), streetId, paired.teamId(), paired.caseId());
    }

    /** The open task of a release the caller started (its team's request, to open right away). */
    @Transactional(readOnly = true)
    public String openTask(String release) {
        CurrentUser.require();
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(release).singleResult())
                .map(Task::getId)
                .orElseThrow(() -> new IllegalStateException("release " + release + " has no open task"));
    }
}
