package org.bangfu.household;

import static org.bangfu.shared.ETags.etag;
import static org.bangfu.shared.ETags.version;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.household.HouseholdFile.Member;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/households}: the electronic file for integrations (mobile, WeChat). Scoped like the UI, by the
 * facade. Writes are versioned: GET answers an {@code ETag}, PUT and DELETE need it back in {@code If-Match}
 * and answer 409 when someone else saved in between. Bad input answers 400 with the field errors, in the
 * caller's language, and saves nothing.
 */
@RestController
@RequestMapping("/api/households")
class HouseholdApi {

    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Households households;
    private final Attachments attachments;
    private final HouseholdExcel excel;
    private final MessageSource messages;

    HouseholdApi(Households households, Attachments attachments, HouseholdExcel excel, MessageSource messages) {
        this.households = households;
        this.attachments = attachments;
        this.excel = excel;
        this.messages = messages;
    }

    @GetMapping
    Page list(@RequestParam(required = false) Long street, @RequestParam(required = false) Long village,
            @RequestParam(required = false) Long team, @RequestParam(required = false) HouseholdStage stage,
            @RequestParam(required = false) Attribute attribute, @RequestParam(required = false) String cause,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "NAME") HouseholdSort sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        HouseholdFilter filter = new HouseholdFilter(street, village, team, stage, attribute, cause, q);
        int pageSize = Math.max(1, Math.min(size, 200));
        int pageNo = Math.max(0, page);
        return new Page(households.list(filter, sort, pageNo * pageSize, pageSize), households.count(filter), pageNo,
                pageSize);
    }

    /** The Excel template for imports. */
    @GetMapping("/template")
    ResponseEntity<byte[]> template() {
        return xlsx("bangfu-households-template.xlsx", excel.template());
    }

    /** The filtered list as an Excel workbook. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long street, @RequestParam(required = false) Long village,
            @RequestParam(required = false) Long team, @RequestParam(required = false) HouseholdStage stage,
            @RequestParam(required = false) Attribute attribute, @RequestParam(required = false) String cause,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "NAME") HouseholdSort sort,
            Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        excel.export(new HouseholdFilter(street, village, team, stage, attribute, cause, q), sort, locale, out);
        return xlsx("bangfu-households.xlsx", out.toByteArray());
    }

    /** Imports a filled template: all rows or none; 400 with every problem when there is one. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> importWorkbook(@RequestPart("file") MultipartFile file, Locale locale)
            throws IOException {
        HouseholdExcel.ImportReport report = excel.importWorkbook(file.getInputStream(), null);
        if (report.succeeded()) {
            return ResponseEntity.ok(Map.of("households", report.households(), "members", report.members()));
        }
        return ResponseEntity.badRequest().body(Map.of("detail", messages.getMessage("api.invalidInput", null, locale),
                "problems", report.problems().stream().map(p -> {
                    Map<String, Object> problem = new java.util.LinkedHashMap<>();
                    problem.put("sheet", p.sheet());
                    problem.put("row", p.row());
                    problem.put("column", p.column());
                    problem.put("message", messages.getMessage(p.messageKey(), p.arguments(), locale));
                    return problem;
                }).toList()));
    }

    private static ResponseEntity<byte[]> xlsx(String name, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(XLSX).body(content);
    }

    @GetMapping("/{id}")
    ResponseEntity<HouseholdFile> get(@PathVariable long id) {
        HouseholdFile file = households.find(id).orElseThrow(() -> new HouseholdNotFound(id));
        return ResponseEntity.ok().eTag(etag(file.version())).body(file);
    }

    @PostMapping
    ResponseEntity<HouseholdFile> create(@RequestBody HouseholdDraft draft) {
        HouseholdFile file = households.create(draft);
        return ResponseEntity.created(URI.create("/api/households/" + file.id())).eTag(etag(file.version())).body(file);
    }

    @PutMapping("/{id}")
    ResponseEntity<HouseholdFile> update(@PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody HouseholdDraft draft) {
        HouseholdFile file = households.update(id, version(ifMatch), draft);
        return ResponseEntity.ok().eTag(etag(file.version())).body(file);
    }

    @GetMapping("/{id}/members")
    List<Member> members(@PathVariable long id) {
        return households.find(id).orElseThrow(() -> new HouseholdNotFound(id)).members();
    }

    @PostMapping("/{id}/members")
    ResponseEntity<Member> addMember(@PathVariable long id, @RequestBody MemberDraft draft) {
        Member member = households.addMember(id, draft);
        return ResponseEntity.created(URI.create("/api/households/" + id + "/members/" + member.id()))
                .eTag(etag(member.version())).body(member);
    }

    @PutMapping("/{id}/members/{memberId}")
    ResponseEntity<Member> updateMember(@PathVariable long id, @PathVariable long memberId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody MemberDraft draft) {
        Member member = households.updateMember(id, memberId, version(ifMatch), draft);
        return ResponseEntity.ok().eTag(etag(member.version())).body(member);
    }

    @DeleteMapping("/{id}/members/{memberId}")
    ResponseEntity<Void> removeMember(@PathVariable long id, @PathVariable long memberId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        households.removeMember(id, memberId, version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/history")
    List<HouseholdChange> history(@PathVariable long id) {
        return households.history(id);
    }

    /** Shows one sensitive value in full; audit-logged. */
    @PostMapping("/{id}/reveal")
    Map<String, String> reveal(@PathVariable long id, @RequestBody RevealRequest request) {
        return Map.of("value", String.valueOf(households.reveal(id, request.field(), request.memberId())));
    }

    @GetMapping("/{id}/attachments")
    List<Attachments.AttachmentInfo> attachments(@PathVariable long id) {
        return attachments.list(id);
    }

    /** Uploads a photo or scanned document (multipart field {@code file}); its type is judged by its content. */
    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Attachments.AttachmentInfo> upload(@PathVariable long id,
            @RequestParam(defaultValue = "OTHER") Attachments.Kind kind, @RequestPart("file") MultipartFile file)
            throws IOException {
        Attachments.AttachmentInfo info = attachments.add(id, kind, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/households/" + id + "/attachments/" + info.id())).body(info);
    }

    /** Downloads an attachment under its original name. */
    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        Attachments.Download download = attachments.download(id, attachmentId)
                .orElseThrow(() -> new HouseholdNotFound(id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.originalName(), StandardCharsets.UTF_8)
                                .build().toString())
                .contentType(MediaType.parseMediaType(download.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }

    record RevealRequest(SensitiveField field, Long memberId) {
    }

    record Page(List<HouseholdSummary> items, int total, int page, int size) {
    }
}
