package org.bangfu.organisation;

import static org.bangfu.shared.ETags.etag;
import static org.bangfu.shared.ETags.version;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The district's organisation over REST. Reading is the administrator's, district officers' and leaders'; every
 * change is the administrator's (the facade checks). Changes to an existing street, village or team are versioned:
 * each answers its {@code version} (also as {@code ETag}), and PUT, deactivate and reactivate need it back in
 * {@code If-Match}: 428 without it, 409 with {@code currentVersion} when someone else changed it meanwhile.
 */
@RestController
@RequestMapping("/api/organisation")
class OrganisationApi {

    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Organisation organisation;
    private final OrganisationExcel excel;
    private final MessageSource messages;

    OrganisationApi(Organisation organisation, OrganisationExcel excel, MessageSource messages) {
        this.organisation = organisation;
        this.excel = excel;
        this.messages = messages;
    }

    /** Streets (each with its villages) and teams (each with the ids of the streets it serves), all by code. */
    @GetMapping
    OrganisationBody get() {
        Organisation.Overview overview = organisation.overview();
        return new OrganisationBody(overview.streets().stream()
                .map(s -> new StreetBody(s.id(), s.code(), s.name(), s.active(), s.version(),
                        overview.villages().stream().filter(v -> v.streetId() == s.id()).toList()))
                .toList(), overview.teams());
    }

    record OrganisationBody(List<StreetBody> streets, List<Team> teams) {
    }

    record StreetBody(long id, String code, String name, boolean active, int version, List<Village> villages) {
    }

    /** {@code code} is taken on creation only; a rename sends {@code name}. */
    record StreetRequest(String code, String name) {
    }

    record VillageRequest(Long streetId, String code, String name) {
    }

    /** {@code streetIds}: the streets served, the first being the home street. */
    record TeamRequest(String code, String name, List<Long> streetIds) {
    }

    // ---- streets -----------------------------------------------------------------------------------------

    @PostMapping("/streets")
    ResponseEntity<Street> createStreet(@RequestBody StreetRequest request) {
        Street street = organisation.createStreet(request.code(), request.name());
        return ResponseEntity.created(URI.create("/api/organisation/streets/" + street.id()))
                .eTag(etag(street.version())).body(street);
    }

    @PutMapping("/streets/{id}")
    ResponseEntity<Street> renameStreet(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody StreetRequest request) {
        return versioned(organisation.renameStreet(id, version(ifMatch), request.name()), Street::version);
    }

    @PostMapping("/streets/{id}/deactivate")
    ResponseEntity<Street> deactivateStreet(@PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return versioned(organisation.deactivateStreet(id, version(ifMatch)), Street::version);
    }

    @PostMapping("/streets/{id}/reactivate")
    ResponseEntity<Street> reactivateStreet(@PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return versioned(organisation.reactivateStreet(id, version(ifMatch)), Street::version);
    }

    // ---- villages ----------------------------------------------------------------------------------------

    @PostMapping("/villages")
    ResponseEntity<Village> createVillage(@RequestBody VillageRequest request) {
        Village village = organisation.createVillage(request.streetId(), request.code(), request.name());
        return ResponseEntity.created(URI.create("/api/organisation/villages/" + village.id()))
                .eTag(etag(village.version())).body(village);
    }

    @PutMapping("/villages/{id}")
    ResponseEntity<Village> renameVillage(@PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody VillageRequest request) {
        return versioned(organisation.renameVillage(id, version(ifMatch), request.name()), Village::version);
    }

    @PostMapping("/villages/{id}/deactivate")
    ResponseEntity<Village> deactivateVillage(@PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return versioned(organisation.deactivateVillage(id, version(ifMatch)), Village::version);
    }

    @PostMapping("/villages/{id}/reactivate")
    ResponseEntity<Village> reactivateVillage(@PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return versioned(organisation.reactivateVillage(id, version(ifMatch)), Village::version);
    }

    // ---- teams -------------------------------------------------------------------------------------------

    @PostMapping("/teams")
    ResponseEntity<Team> createTeam(@RequestBody TeamRequest request) {
        Team team = organisation.createTeam(request.code(), request.name(), request.streetIds());
        return ResponseEntity.created(URI.create("/api/organisation/teams/" + team.id())).eTag(etag(team.version()))
                .body(team);
    }

    @PutMapping("/teams/{id}")
    ResponseEntity<Team> updateTeam(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody TeamRequest request) {
        return versioned(organisation.updateTeam(id, version(ifMatch), request.name(), request.streetIds()),
                Team::version);
    }

    @PostMapping("/teams/{id}/deactivate")
    ResponseEntity<Team> deactivateTeam(@PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return versioned(organisation.deactivateTeam(id, version(ifMatch)), Team::version);
    }

    @PostMapping("/teams/{id}/reactivate")
    ResponseEntity<Team> reactivateTeam(@PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return versioned(organisation.reactivateTeam(id, version(ifMatch)), Team::version);
    }

    // ---- Excel -------------------------------------------------------------------------------------------

    @GetMapping("/template")
    ResponseEntity<byte[]> template() {
        organisation.overview();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("bangfu-organisation-template.xlsx").build().toString())
                .contentType(XLSX).body(excel.template());
    }

    /**
     * Imports a filled template: all rows or none. 200 with {@code created}, {@code changed}, {@code unchanged};
     * 400 with {@code problems} (sheet, row, column, message) when anything is wrong, and nothing saved.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> importWorkbook(@RequestPart("file") MultipartFile file, Locale locale)
            throws IOException {
        OrganisationExcel.ImportReport report = excel.importWorkbook(file.getInputStream());
        if (report.succeeded()) {
            return ResponseEntity.ok(Map.of("created", report.created(), "changed", report.changed(), "unchanged",
                    report.unchanged()));
        }
        return ResponseEntity.badRequest().body(Map.of("detail", messages.getMessage("api.invalidInput", null, locale),
                "problems", report.problems().stream().map(p -> {
                    Map<String, Object> problem = new LinkedHashMap<>();
                    problem.put("sheet", p.sheet());
                    problem.put("row", p.row());
                    problem.put("column", p.column());
                    problem.put("message", messages.getMessage(p.messageKey(), p.arguments(), locale));
                    return problem;
                }).toList()));
    }

    // ---- versions and errors -----------------------------------------------------------------------------

    private static <T> ResponseEntity<T> versioned(T body, java.util.function.ToIntFunction<T> version) {
        return ResponseEntity.ok().eTag(etag(version.applyAsInt(body))).body(body);
    }
}
