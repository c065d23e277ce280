package org.bangfu.handbook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.shared.Money;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A household's handbook over REST: visits (with their versions), the plan's measures (with their lifecycle),
 * results, and the printable PDF. Photos and signatures are uploaded first as the file's attachments
 * ({@code kind=VISIT_PHOTO} or {@code SIGNATURE}) and named here by id. A change names the version it replaces
 * ({@code ?version=}); someone else's save meanwhile answers 409.
 */
@RestController
@RequestMapping("/api/households/{id}")
class HandbookApi {

    private final Visits visits;
    private final Measures measures;
    private final Results results;
    private final HandbookPrints prints;

    HandbookApi(Visits visits, Measures measures, Results results, HandbookPrints prints) {
        this.visits = visits;
        this.measures = measures;
        this.results = results;
        this.prints = prints;
    }

    @GetMapping("/visits")
    List<Visit> visits(@PathVariable long id) {
        return visits.ofHousehold(id);
    }

    @PostMapping(path = "/visits", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Visit> recordVisit(@PathVariable long id, @RequestBody VisitDraft draft) {
        Visit visit = visits.record(id, draft);
        return ResponseEntity.created(URI.create("/api/households/" + id + "/visits/" + visit.id())).body(visit);
    }

    @PutMapping(path = "/visits/{visitId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Visit reviseVisit(@PathVariable long id, @PathVariable long visitId, @RequestParam int version,
            @RequestBody VisitDraft draft) {
        return visits.revise(id, visitId, version, draft);
    }

    /** Every saved version of a visit, newest first. */
    @GetMapping("/visits/{visitId}/versions")
    List<Visit> visitVersions(@PathVariable long id, @PathVariable long visitId) {
        return visits.versions(id, visitId);
    }

    @GetMapping("/measures")
    List<Measure> measures(@PathVariable long id) {
        return measures.ofHousehold(id);
    }

    /** Plans a measure: {@code {"category", "partyUnit", "partyPerson", "content", "plannedOn", "cost", "fundRequestId"}}. */
    @PostMapping(path = "/measures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Measure> planMeasure(@PathVariable long id, @RequestBody MeasureInput input) {
        Measure measure = measures.plan(id, input.draft());
        return ResponseEntity.created(URI.create("/api/households/" + id + "/measures/" + measure.id())).body(measure);
    }

    @PutMapping(path = "/measures/{measureId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Measure changeMeasure(@PathVariable long id, @PathVariable long measureId, @RequestParam int version,
            @RequestBody MeasureInput input) {
        return measures.change(id, measureId, version, input.draft());
    }

    /** Moves a measure on: {@code {"status": "IN_PROGRESS" | "DONE" | "DROPPED", "doneOn", "reason"}}. */
    @PostMapping(path = "/measures/{measureId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    Measure moveMeasure(@PathVariable long id, @PathVariable long measureId, @RequestParam int version,
            @RequestBody StatusChange change) {
        return measures.move(id, measureId, version, change.status(), change.doneOn(), change.reason());
    }

    @GetMapping("/measures/{measureId}/events")
    List<Measure.Event> measureEvents(@PathVariable long id, @PathVariable long measureId) {
        return measures.events(id, measureId);
    }

    @GetMapping("/results")
    List<Result> results(@PathVariable long id) {
        return results.ofHousehold(id);
    }

    @PostMapping(path = "/results", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Result> recordResult(@PathVariable long id, @RequestBody ResultInput input) {
        Result result = results.record(id, input.achievedOn(), input.outcome(), input.measureId(), input.confirmation(),
                input.confirmationId(), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    /** The printable handbook (audited). */
    @GetMapping("/handbook.pdf")
    ResponseEntity<byte[]> handbook(@PathVariable long id) {
        HandbookPrints.Printed printed = prints.print(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(printed.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(printed.pdf());
    }

    /** A measure as sent: the cost in the API's strict form, a JSON string such as {@code "1200.50"} (see {@link Money}). */
    record MeasureInput(String category, String partyUnit, String partyPerson, String content, LocalDate plannedOn,
            Money cost, Long fundRequestId) {

        MeasureDraft draft() {
            return new MeasureDraft(category, partyUnit, partyPerson, content, plannedOn, cost, fundRequestId);
        }
    }

    record StatusChange(Measure.Status status, LocalDate doneOn, String reason) {
    }

    record ResultInput(LocalDate achievedOn, String outcome, Long measureId, Confirmation confirmation,
            Long confirmationId) {
    }
}
