package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a person reads: by name, with the team, street or role that tells namesakes apart; the engine as 系统自动. */
class PersonTest {

    private static final Texts CHINESE = (key, args) -> switch (key) {
        case "person.automatic" -> "系统自动";
        case "person.at" -> args[0] + "（" + args[1] + "）";
        case "role.DISTRICT" -> "区民政局工作人员";
        default -> "!" + key + "!";
    };

    @Test
    void aTeamMemberReadsWithTheTeam() {
        assertThat(new Person("team01", "张伟", Role.TEAM_MEMBER, "第一帮扶小组").shown(CHINESE))
                .isEqualTo("张伟（第一帮扶小组）");
    }

    @Test
    void theDistrictsStaffReadWithTheirRole() {
        assertThat(new Person("district", "王芳", Role.DISTRICT, null).shown(CHINESE)).isEqualTo("王芳（区民政局工作人员）");
    }

    @Test
    void aNameThatAlreadySaysWhereStandsAlone() {
        assertThat(new Person("team01", "第一帮扶小组成员（演示）", Role.TEAM_MEMBER, "第一帮扶小组").shown(CHINESE))
                .isEqualTo("第一帮扶小组成员（演示）");
    }

    @Test
    void theEngineAndJobsReadAsAutomatic() {
        assertThat(new Person(Person.SYSTEM, Person.SYSTEM, null, null).shown(CHINESE)).isEqualTo("系统自动");
        assertThat(new Person(null, null, null, null).shown(CHINESE)).isEqualTo("系统自动");
    }

    @Test
    void aLoginNoAccountHasStandsForItself() {
        assertThat(Person.unknown("retired7").shown(CHINESE)).isEqualTo("retired7");
    }
}
