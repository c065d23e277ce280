package org.bangfu.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.household.InvalidInput;
import org.bangfu.household.InvalidInput.FieldError;
import org.springframework.context.MessageSource;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's figures for the bureau's big screen and other systems: the same as the screen shows, in the
 * caller's scope. Periods default to this year so far.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardApi {

    private final Dashboard dashboard;
    private final MessageSource messages;

    DashboardApi(Dashboard dashboard, MessageSource messages) {
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/overview")
    Overview overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long streetId, @RequestParam(required = false) Long teamId) {
        return dashboard.overview(filter(from, to, streetId, teamId));
    }

    @GetMapping("/processes")
    List<ProcessMap.Process> processes() {
        return dashboard.processes();
    }

    @GetMapping("/processes/{key}")
    ProcessMap processMap(@PathVariable String key,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long streetId, @RequestParam(required = false) Long teamId) {
        return dashboard.processMap(key, filter(from, to, streetId, teamId));
    }

    @GetMapping(path = "/processes/{key}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    String diagram(@PathVariable String key) {
        return dashboard.diagram(key);
    }

    /** Rebuilds the read model from the modules' records (the district or an administrator). */
    @PostMapping("/rebuild")
    Map<String, Long> rebuild() {
        return Map.of("tookMs", dashboard.rebuild());
    }

    private DashboardFilter filter(LocalDate from, LocalDate to, Long streetId, Long teamId) {
        DashboardFilter year = dashboard.defaultFilter();
        LocalDate end = to == null ? year.to() : to;
        LocalDate start = from == null ? (to == null ? year.from() : end.withDayOfYear(1)) : from;
        if (end.isBefore(start)) {
            throw new InvalidInput(List.of(new FieldError("to", "dashboard.period.invalid")));
        }
        return new DashboardFilter(start, end, streetId, teamId);
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e, Locale locale) {
        return e.toProblem(messages, locale);
    }
}
