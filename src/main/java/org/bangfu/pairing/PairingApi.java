package org.bangfu.pairing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.household.HouseholdNotFound;
import org.bangfu.pairing.TaskFilter.Sort;
import org.bangfu.pairing.TaskFilter.View;
import org.bangfu.shared.ApiMessages;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pairing procedure for the task-list UI, the mobile and WeChat channels and integrations: starting a case
 * ({@code POST /api/households/{id}/pairing}), the task service ({@code /api/tasks}), objections to a notice
 * ({@code POST /api/notices/{id}/objections}) and the printable notices and letters. Scoped by the facades;
 * errors answer in the caller's language.
 */
@ApiMessages(notFound = "api.pairing.notFound", of = HouseholdNotFound.class)
@RestController
class PairingApi {

    private final Pairing pairing;
    private final PairingTasks tasks;
    private final Notices notices;
    private final Letters letters;
    private final Notifications notifications;
    private final MessageSource messages;

    PairingApi(Pairing pairing, PairingTasks tasks, Notices notices, Letters letters,
            Notifications notifications, MessageSource messages) {
        this.pairing = pairing;
        this.tasks = tasks;
        this.notices = notices;
        this.letters = letters;
        this.notifications = notifications;
        this.messages = messages;
    }

    // ---- cases ---------------------------------------------------------------------------------------

    @PostMapping("/api/households/{id}/pairing")
    ResponseEntity<PairingCase> start(@PathVariable long id) {
        PairingCase started = pairing.start(id);
        return ResponseEntity.created(URI.create("/api/households/" + id + "/pairing")).body(started);
    }

    record CaseView(PairingCase pairingCase, List<CaseStep> steps, List<Notice> notices) {
    }

    /** The household's cases, newest first, each with its completed steps and notices. */
    @GetMapping("/api/households/{id}/pairing")
    List<CaseView> cases(@PathVariable long id) {
        return pairing.cases(id).stream()
                .map(c -> new CaseView(c, pairing.steps(c.id()), notices.ofCase(c.id()))).toList();
    }

    // ---- tasks ---------------------------------------------------------------------------------------

    record Page(List<TaskRow> items, int total, int offset, int limit) {
    }

    /**
     * A task list. {@code view}: MINE, GROUP (the default), UNCLAIMED, ALL; filters: {@code taskKey},
     * {@code streetId}, {@code teamId}, {@code head} (name prefix), {@code dueFrom}/{@code dueTo}; {@code sort}: DUE, DUE_DESC,
     * CREATED, CREATED_DESC, HEAD.
     */
    @GetMapping("/api/tasks")
    Page list(@RequestParam(defaultValue = "GROUP") View view, @RequestParam(required = false) String taskKey,
            @RequestParam(required = false) Long streetId, @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String head,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            @RequestParam(defaultValue = "DUE") Sort sort, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        TaskFilter filter = new TaskFilter(view, taskKey, streetId, teamId, head, dueFrom, dueTo);
        int size = Math.max(1, Math.min(limit, 500));
        return new Page(tasks.list(filter, sort, offset, size), tasks.count(filter), Math.max(0, offset), size);
    }

    @GetMapping("/api/tasks/{id}")
    TaskDetail task(@PathVariable String id) {
        return tasks.find(id).orElseThrow(() -> new PairingNotFound("task " + id));
    }

    /** The case's process diagrams with the current and finished steps (for bpmn-js or any BPMN viewer). */
    @GetMapping("/api/tasks/{id}/diagram")
    List<CaseDiagram> diagram(@PathVariable String id) {
        List<CaseDiagram> diagrams = tasks.diagrams(id);
        if (diagrams.isEmpty()) {
            throw new PairingNotFound("task " + id);
        }
        return diagrams;
    }

    @PostMapping("/api/tasks/{id}/claim")
    ResponseEntity<Void> claim(@PathVariable String id) {
        tasks.claim(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{id}/unclaim")
    ResponseEntity<Void> unclaim(@PathVariable String id) {
        tasks.unclaim(id);
        return ResponseEntity.noContent().build();
    }

    /** Hands the task over to a colleague of its group: {@code {"assignee": "street01b"}}. */
    @PostMapping(path = "/api/tasks/{id}/hand-over", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> handOver(@PathVariable String id, @RequestBody HandOver body) {
        tasks.handOver(id, body.assignee());
        return ResponseEntity.noContent().build();
    }

    /** Those of the caller's group a task can be handed over to. */
    @GetMapping("/api/tasks/colleagues")
    List<Colleague> colleagues() {
        return tasks.colleagues();
    }

    /** Claims several tasks: {@code {"taskIds": [...]}}; answers what it took and what it could not, and why. */
    @PostMapping(path = "/api/tasks/claim", consumes = MediaType.APPLICATION_JSON_VALUE)
    BulkAnswer claimAll(@RequestBody Bulk body, Locale locale) {
        return answer(tasks.claimAll(body.taskIds()), locale);
    }

    /** Hands several tasks over to one colleague: {@code {"taskIds": [...], "assignee": "..."}}. */
    @PostMapping(path = "/api/tasks/hand-over", consumes = MediaType.APPLICATION_JSON_VALUE)
    BulkAnswer handOverAll(@RequestBody Bulk body, Locale locale) {
        return answer(tasks.handOverAll(body.taskIds(), body.assignee()), locale);
    }

    private BulkAnswer answer(BulkResult result, Locale locale) {
        return new BulkAnswer(result.done(), result.failed().stream().map(f -> new FailedTask(f.taskId(),
                messages.getMessage(f.messageKey(), f.arguments().toArray(), locale))).toList());
    }

    record HandOver(String assignee) {
    }

    record Bulk(List<String> taskIds, String assignee) {
    }

    /** What a bulk action did: how many it took, and each task it could not take with the reason. */
    record BulkAnswer(int done, List<FailedTask> failed) {
    }

    record FailedTask(String taskId, String message) {
    }

    /** Completes the task with its form's fields as a JSON object. */
    @PostMapping(path = "/api/tasks/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> form) {
        tasks.complete(id, form == null ? Map.of() : form);
        return ResponseEntity.noContent().build();
    }

    // ---- notifications -------------------------------------------------------------------------------

    /** The caller's notifications (to them or their groups), newest first; {@code unread=true} for the bell. */
    @GetMapping("/api/notifications")
    List<Notification> notifications(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") int limit) {
        return notifications.mine(unread, limit);
    }

    @PostMapping("/api/notifications/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id) {
        notifications.markRead(id);
        return ResponseEntity.noContent().build();
    }

    /** Marks all the caller's notifications read (全部已读). */
    @PostMapping("/api/notifications/read")
    ResponseEntity<Void> readAll() {
        notifications.markAllRead();
        return ResponseEntity.noContent().build();
    }

    // ---- notices and letters -------------------------------------------------------------------------

    @GetMapping("/api/notices/{id}")
    Notice notice(@PathVariable long id) {
        return notices.find(id).orElseThrow(() -> new PairingNotFound("notice " + id));
    }

    @GetMapping(path = "/api/notices/{id}/document", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> noticeHtml(@PathVariable long id) {
        return html(notices.document(id));
    }

    @GetMapping(path = "/api/notices/{id}/document.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> noticePdf(@PathVariable long id) {
        return pdf(notices.pdf(id), "notice-" + id + ".pdf");
    }

    @GetMapping("/api/notices/{id}/objections")
    List<Objection> objections(@PathVariable long id) {
        return notices.objections(id);
    }

    /** Records an objection: {@code receivedOn}, {@code channel} (VISIT, PHONE, LETTER, ONLINE), {@code content}. */
    @PostMapping(path = "/api/notices/{id}/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Objection> object(@PathVariable long id, @RequestBody Objection.Draft draft) {
        Objection objection = notices.raiseObjection(id, draft);
        return ResponseEntity.status(HttpStatus.CREATED).body(objection);
    }

    @GetMapping(path = "/api/letters/{id}/document.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letterPdf(@PathVariable long id) {
        return pdf(letters.pdf(id).orElseThrow(() -> new PairingNotFound("letter " + id)), "letter-" + id + ".pdf");
    }

    @GetMapping(path = "/api/letters/{id}/document", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> letterHtml(@PathVariable long id) {
        return html(letters.document(id).orElseThrow(() -> new PairingNotFound("letter " + id)));
    }

    private static ResponseEntity<String> html(String xhtml) {
        // the document's own style only: no scripts, no external resources
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").body(xhtml);
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(bytes);
    }
}
