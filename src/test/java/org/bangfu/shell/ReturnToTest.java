package org.bangfu.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.router.QueryParameters;

/** A page returns to where the person came from, and only ever to a page of Bangfu. */
class ReturnToTest {

    private static QueryParameters from(String... values) {
        return new QueryParameters(Map.of("from", List.of(values)));
    }

    @Test
    void theOriginTravelsInTheAddressAndComesBack() {
        assertThat(ReturnTo.query("funds").getQueryString()).isEqualTo("from=funds");
        assertThat(ReturnTo.origin(ReturnTo.query("households/8"))).hasValue("households/8");
    }

    @Test
    void anythingButAPageOfBangfuIsIgnored() {
        assertThat(ReturnTo.origin(QueryParameters.empty())).isEmpty();
        assertThat(ReturnTo.origin(from("https://example.com"))).isEmpty();
        assertThat(ReturnTo.origin(from("//example.com"))).isEmpty();
        assertThat(ReturnTo.origin(from("funds//x"))).isEmpty();
        assertThat(ReturnTo.origin(from("../admin"))).isEmpty();
        assertThat(ReturnTo.origin(from("funds", "tasks"))).isEmpty();
        assertThat(ReturnTo.origin(from(""))).isEmpty();
    }
}
