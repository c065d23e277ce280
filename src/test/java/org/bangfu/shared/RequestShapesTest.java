package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.handbook.Confirmation;
import org.bangfu.handbook.MeasureDraft;
import org.bangfu.handbook.Measures;
import org.bangfu.handbook.Visit;
import org.bangfu.handbook.VisitDraft;
import org.bangfu.handbook.Visits;
import org.bangfu.household.Attachments;
import org.bangfu.testsupport.Multipart;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;

/**
 * No shape of a request makes Bangfu answer with a server error: every endpoint of the REST API, called by the
 * district and by a team with malformed bodies, ids, parameters and uploads, answers 4xx with a message the caller
 * can read (in their language, naming the field) and never an exception's name; odd URLs are refused before anything
 * parses them; a child's id under another household is as unknown as any other; and every answer forbids caching.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class RequestShapesTest {

    static final String PASSWORD = "Demo@2019";
    static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    UserDetailsService users;

    @Autowired
    Visits visits;

    @Autowired
    Measures measures;

    @Autowired
    Attachments attachments;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final HttpClient http = HttpClient.newHttpClient();

    long householdOfTeam(int team) {
        return jdbc.sql("select h.id from bf_household h join bf_team t on t.id = h.team_id where t.code = ?")
                .param("T%02d".formatted(team)).query(Long.class).single();
    }

    /** One of each of a household's children, made when the household has none yet. */
    record Children(long household, long member, long attachment, long visit, long measure) {
    }

    Children childrenOf(long household) {
        RunAs as = new RunAs(users);
        long member = jdbc.sql("select min(id) from bf_member where household_id = ? and active = true")
                .param(household).query(Long.class).single();
        long attachment = as.call("district", () -> attachments.add(household, Attachments.Kind.HOUSE_PHOTO, "房屋.png",
                png()).id());
        long visit = as.call("district", () -> visits.record(household, new VisitDraft(BureauTime.today(), Visit.Kind.PHONE,
                "区民政局", "电话了解近况", null, null, null, null, null, null, null, List.of(), Confirmation.NONE, null)))
                .id();
        long measure = as.call("district", () -> measures.plan(household, new MeasureDraft("EDUCATION", "区教育局", null,
                "教育资助", BureauTime.today().plusDays(5), null, null))).id();
        return new Children(household, member, attachment, visit, measure);
    }

    static byte[] png() {
        try {
            var out = new java.io.ByteArrayOutputStream();
            ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(String user, String method, String path, String contentType, byte[] body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", WebSession.basic(user, PASSWORD));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> json(String user, String method, String path, String body, String language) {
        return language == null
                ? send(user, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8))
                : send(user, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), "Accept-Language",
                        language);
    }

    JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** What an answer must never show: the name or trace of what failed inside. */
    static void leaksNothing(String body) {
        assertThat(body).doesNotContainIgnoringCase("exception").doesNotContain("java.", "org.springframework",
                "com.fasterxml", "org.apache", "at org.", "Caused by");
    }

    @Nested
    class TheQuotedCases {

        @Test
        void revealWithAnEmptyBodyNamesTheMissingFieldInTheCallersLanguage() {
            String path = "/api/households/" + householdOfTeam(1) + "/reveal";
            HttpResponse<String> chinese = json("district", "POST", path, "{}", null);
            assertThat(chinese.statusCode()).isEqualTo(400);
            JsonNode problem = read(chinese);
            assertThat(problem.get("detail").asText()).contains("未作任何保存");
            assertThat(problem.get("errors").findValuesAsText("field")).contains("field");
            assertThat(problem.get("errors").findValuesAsText("message")).allSatisfy(m -> assertThat(m).isNotBlank());
            leaksNothing(chinese.body());

            HttpResponse<String> english = json("district", "POST", path, "{}", "en");
            assertThat(read(english).get("detail").asText()).contains("nothing was saved");

            HttpResponse<String> noMember = json("district", "POST", path, "{\"field\":\"ID_NUMBER\"}", null);
            assertThat(noMember.statusCode()).isEqualTo(400);
            assertThat(read(noMember).get("errors").findValuesAsText("field")).containsExactly("memberId");
        }

        @Test
        void anUploadWhoseFileNameHoldsANulByteIsRefusedAndNothingIsKept() {
            long household = householdOfTeam(1);
            int before = jdbc.sql("select count(*) from bf_attachment where household_id = ?").param(household)
                    .query(Integer.class).single();
            HttpResponse<String> response = send("district", "POST", "/api/households/" + household
                    + "/attachments?kind=OTHER", Multipart.CONTENT_TYPE, Multipart.body("a\0.png.html", png(), Map.of()));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(read(response).get("errors").findValuesAsText("field")).containsExactly("file");
            assertThat(read(response).get("errors").findValuesAsText("message")).singleElement()
                    .satisfies(m -> assertThat(m).contains("文件名"));
            leaksNothing(response.body());
            assertThat(jdbc.sql("select count(*) from bf_attachment where household_id = ?").param(household)
                    .query(Integer.class).single()).isEqualTo(before);
        }

        @Test
        void aPathParameterOnTheEngineRestIsRefusedBeforeAnythingReadsIt() {
            HttpResponse<String> response = send(null, "GET", "/engine-rest;x/process-definition", null, null);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(read(response).get("detail").asText()).isNotBlank();
            leaksNothing(response.body());
        }
    }

    @Nested
    class OddUrls {

        @ParameterizedTest
        @ValueSource(strings = { "/api;x/me", "/api/me;x", "/api/households;x/1", "/api/%00", "/api//me",
                "/api/households%2F1", "/api/..;/me", "/api/%2e%2e/me", "/api/me%00", "/api/%3B", "/api/households/1;a=b",
                "/engine-rest;x/process-definition", "/engine-rest/process-definition;x", "/engine-rest//process-definition",
                "/engine-rest/%00", "/engine-rest%2Fprocess-definition", "/engine-rest/engine;x/default/user",
                "/engine-rest/..;/api/me", "/;x", "//", "/%00", "/%2F", "/login;x", "/camunda;x/app/", "/camunda//app/",
                "/actuator;x/health", "/v3/api-docs;x", "/VAADIN;x/", "/api/%E4%B8%AD", "/api/%C0%AF" })
        void answerAsRefusedUnauthorisedOrUnknownNeverAsAServerError(String path) {
            for (String user : new String[] { null, "district", "admin" }) {
                HttpResponse<String> response = send(user, "GET", path, null, null);
                assertThat(response.statusCode()).as(user + " GET " + path + ": " + response.body())
                        .isIn(400, 401, 403, 404);
                leaksNothing(response.body());
            }
        }
    }

    @Nested
    class Caching {

        @Test
        void engineRestAnswersAreNeverStoredAndSendNoReferrer() {
            for (HttpResponse<String> response : List.of(
                    send("admin", "GET", "/engine-rest/engine/default/user?id=admin", null, null),
                    send("admin", "GET", "/engine-rest/process-definition/count", null, null),
                    send("district", "GET", "/engine-rest/process-definition", null, null),
                    send(null, "GET", "/engine-rest/process-definition", null, null),
                    send(null, "GET", "/engine-rest;x/process-definition", null, null))) {
                assertThat(response.headers().firstValue("Cache-Control")).as(response.uri() + " " + response.statusCode())
                        .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
                assertThat(response.headers().firstValue("Referrer-Policy")).as(response.uri().toString())
                        .hasValue("no-referrer");
            }
        }

        @Test
        void apiAnswersAreNeverStored() {
            long household = householdOfTeam(1);
            for (HttpResponse<String> response : List.of(send("district", "GET", "/api/me", null, null),
                    send("district", "GET", "/api/households/" + household, null, null),
                    send("district", "GET", "/api/households/" + household + "/handbook.pdf", null, null),
                    send("district", "GET", "/api/households/abc", null, null),
                    send(null, "GET", "/api/me", null, null))) {
                assertThat(response.headers().firstValue("Cache-Control")).as(response.uri() + " " + response.statusCode())
                        .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
                assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            }
        }
    }

    @Nested
    class ChildrenOfAnotherHousehold {

        /**
         * Every route naming a child under {@code /api/households/{id}/…} is found from the handler mappings; each is
         * called with the child of another household the caller may also see, and answers 404 like any unknown id.
         */
        @Test
        void areNotFoundUnderTheWrongHouseholdOnEveryNestedRoute() {
            long household = householdOfTeam(1);
            Children other = childrenOf(householdOfTeam(2));
            Map<String, Long> foreign = Map.of("memberId", other.member(), "attachmentId", other.attachment(),
                    "visitId", other.visit(), "measureId", other.measure());
            List<String> checked = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Endpoint endpoint : endpoints()) {
                List<String> variables = endpoint.variables();
                if (!endpoint.pattern().startsWith("/api/households/{id}/") || variables.size() < 2) {
                    continue;
                }
                String path = endpoint.pattern().replace("{id}", String.valueOf(household));
                for (String variable : variables.subList(1, variables.size())) {
                    Long id = foreign.get(variable);
                    if (id == null) {
                        failures.add(endpoint + ": no id of another household's " + variable + " is known to this test");
                        continue;
                    }
                    path = path.replace("{" + variable + "}", String.valueOf(id));
                }
                path += endpoint.requiredParams().isEmpty() ? "" : "?" + String.join("&",
                        endpoint.requiredParams().stream().map(p -> p + "=1").toList());
                HttpResponse<String> response = send("district", endpoint.method(), path,
                        endpoint.hasBody() ? "application/json" : null,
                        endpoint.hasBody() ? "{}".getBytes(StandardCharsets.UTF_8) : null, "If-Match", "\"1\"");
                checked.add(endpoint.method() + " " + endpoint.pattern());
                if (response.statusCode() != 404) {
                    failures.add(endpoint.method() + " " + path + " -> " + response.statusCode() + " " + response.body());
                }
            }
            // a sensitive field of another household's member is no more found than the member
            HttpResponse<String> reveal = json("district", "POST", "/api/households/" + household + "/reveal",
                    "{\"field\":\"ID_NUMBER\",\"memberId\":" + other.member() + "}", null);
            if (reveal.statusCode() != 404) {
                failures.add("reveal another household's member -> " + reveal.statusCode());
            }
            assertThat(checked).contains("GET /api/households/{id}/visits/{visitId}/versions",
                    "PUT /api/households/{id}/measures/{measureId}", "GET /api/households/{id}/attachments/{attachmentId}",
                    "DELETE /api/households/{id}/members/{memberId}");
            assertThat(failures).isEmpty();
        }
    }

    // ---- every endpoint with every bad shape ---------------------------------------------------------------

    record Endpoint(String method, String pattern, HandlerMethod handler) {

        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        List<MethodParameter> parameters(Class<? extends java.lang.annotation.Annotation> annotation) {
            List<MethodParameter> found = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                if (p.hasParameterAnnotation(annotation)) {
                    found.add(p);
                }
            }
            return found;
        }

        boolean hasBody() {
            return !parameters(RequestBody.class).isEmpty();
        }

        boolean multipart() {
            return !parameters(RequestPart.class).isEmpty() || handler.getMethodParameters().length > 0
                    && java.util.Arrays.stream(handler.getMethodParameters())
                            .anyMatch(p -> p.getParameterType() == MultipartFile.class);
        }

        /** Simple query parameters: name and whether it is required. */
        Map<String, Boolean> queryParams() {
            Map<String, Boolean> params = new LinkedHashMap<>();
            for (MethodParameter p : parameters(RequestParam.class)) {
                RequestParam annotation = p.getParameterAnnotation(RequestParam.class);
                if (Map.class.isAssignableFrom(p.getParameterType()) || p.getParameterType() == MultipartFile.class) {
                    continue;
                }
                String name = annotation.name().isEmpty() ? p.getParameterName() : annotation.name();
                params.put(name, annotation.required()
                        && annotation.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)
                        && !p.isOptional());
            }
            return params;
        }

        List<String> requiredParams() {
            return queryParams().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        }

        /** The JSON field names of the body, from its record, or the names a task form uses. */
        List<String> bodyFields() {
            Class<?> type = parameters(RequestBody.class).get(0).getParameterType();
            if (type.isRecord()) {
                return java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
            }
            return List.of("decision", "amount", "programme", "measure", "purpose", "visitDate", "visitors", "findings",
                    "photos", "teamId", "members", "present", "votesFor", "reason", "opinion", "postedOn", "mainCause",
                    "secondaryCauses");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            Set<String> patterns = entry.getKey().getPatternValues();
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method.name(), pattern, entry.getValue()));
                }
            }
        }
        endpoints.sort(java.util.Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    @Nested
    class EveryEndpoint {

        Map<String, String> valid;
        int requests;
        final Set<String> shapes = new TreeSet<>();
        final List<String> failures = new ArrayList<>();

        /**
         * Thousands of calls each checking a bcrypt hash would take many minutes on a small machine; what is tested here
         * is what happens after sign-in, so the two accounts' passwords are stored unhashed for this context's database.
         */
        @BeforeEach
        void quickSignIn() {
            jdbc.sql("update bf_user_account set password_hash = ? where username in ('district', 'team01')")
                    .param("{noop}" + PASSWORD).update();
        }

        @BeforeEach
        void knownIds() {
            Children mine = childrenOf(householdOfTeam(1));
            valid = new LinkedHashMap<>();
            valid.put("/api/households/{id}", String.valueOf(mine.household()));
            valid.put("memberId", String.valueOf(mine.member()));
            valid.put("attachmentId", String.valueOf(mine.attachment()));
            valid.put("visitId", String.valueOf(mine.visit()));
            valid.put("measureId", String.valueOf(mine.measure()));
            valid.put("/api/tasks/{id}", any("select min(task_id) from bf_task"));
            valid.put("/api/notices/{id}", any("select min(id) from bf_notice"));
            valid.put("/api/letters/{id}", any("select min(id) from bf_letter"));
            valid.put("/api/notifications/{id}", any("select min(id) from bf_notification"));
            valid.put("/api/comparison/reports/{id}", any("select min(id) from bf_comparison_report"));
            valid.put("/api/comparison/warnings/{id}", any("select min(id) from bf_comparison_warning"));
            valid.put("/api/comparison/batches/{id}", any("select min(id) from bf_comparison_batch"));
            valid.put("/api/funds/batches/{id}", any("select min(id) from bf_payment_batch"));
            valid.put("datasetId", any("select min(id) from bf_agency_dataset"));
            valid.put("code", any("select min(code) from bf_comparison_rule"));
            valid.put("kind", "VEHICLE");
        }

        /** The first id of a table (or "1" while it is empty): {@code select min(column) from table}. */
        String any(String sql) {
            return jdbc.sql(sql.replace("select min(", "select coalesce(cast(min(").replace(") from", ") as varchar), '1') from"))
                    .query(String.class).single();
        }

        String validValue(Endpoint endpoint, String variable) {
            for (Map.Entry<String, String> known : valid.entrySet()) {
                if (known.getKey().equals(variable)
                        || variable.equals("id") && endpoint.pattern().startsWith(known.getKey())) {
                    return known.getValue();
                }
            }
            return "1";
        }

        String path(Endpoint endpoint, Map<String, String> variables, Map<String, String> params) {
            String path = endpoint.pattern();
            for (String variable : endpoint.variables()) {
                String value = variables.containsKey(variable) ? variables.get(variable) : validValue(endpoint, variable);
                path = path.replace("{" + variable + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
            if (!params.isEmpty()) {
                path += "?" + String.join("&", params.entrySet().stream().map(e -> e.getKey() + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
            }
            return path;
        }

        Map<String, String> validParams(Endpoint endpoint) {
            Map<String, String> params = new LinkedHashMap<>();
            endpoint.requiredParams().forEach(p -> params.put(p, "1"));
            return params;
        }

        void call(String shape, String user, Endpoint endpoint, String path, String contentType, byte[] body,
                String... headers) {
            requests++;
            shapes.add(shape);
            HttpResponse<String> response;
            try {
                response = send(user, endpoint.method(), path, contentType, body, headers);
            } catch (IllegalStateException e) {
                failures.add(user + " " + endpoint.method() + " " + path + " [" + shape + "]: " + e.getMessage());
                return;
            }
            String where = user + " " + endpoint.method() + " " + path + " [" + shape + "] -> " + response.statusCode();
            if (response.statusCode() >= 500) {
                failures.add(where + " " + response.body());
                return;
            }
            if (leaks(response.body())) {
                failures.add(where + " leaks: " + response.body());
            }
            if (response.statusCode() == 400 && !readable(response)) {
                failures.add(where + " without a readable message: " + response.body());
            }
        }

        boolean leaks(String body) {
            try {
                leaksNothing(body);
                return false;
            } catch (AssertionError e) {
                return true;
            }
        }

        boolean readable(HttpResponse<String> response) {
            try {
                JsonNode problem = json.readTree(response.body());
                return problem.hasNonNull("detail") && !problem.get("detail").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }

        void shapes(String user, Endpoint endpoint) {
            Map<String, String> params = validParams(endpoint);
            String jsonType = "application/json";
            byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
            byte[] validBody = endpoint.hasBody() ? empty : null;
            String validType = endpoint.hasBody() ? jsonType : null;
            String[] ifMatch = { "If-Match", "\"1\"" };

            // ids that are not ids
            for (String variable : endpoint.variables()) {
                for (String bad : List.of("abc", "99999999999999999999", "-1", "0", "1.5", " ", "x".repeat(300))) {
                    call("path " + variable + "=" + (bad.length() > 20 ? "long" : bad), user, endpoint,
                            path(endpoint, Map.of(variable, bad), params), validType, validBody, ifMatch);
                }
            }
            // parameters of the wrong kind, and required ones left out
            for (String param : endpoint.queryParams().keySet()) {
                for (String bad : List.of("abc", "", "99999999999999999999", "-1", "2026-13-45", "\u0000")) {
                    Map<String, String> wrong = new LinkedHashMap<>(params);
                    wrong.put(param, bad);
                    call("param " + param + "=" + bad.replace("\u0000", "NUL"), user, endpoint,
                            path(endpoint, Map.of(), wrong), validType, validBody, ifMatch);
                }
            }
            for (String required : endpoint.requiredParams()) {
                Map<String, String> missing = new LinkedHashMap<>(params);
                missing.remove(required);
                call("without " + required, user, endpoint, path(endpoint, Map.of(), missing), validType, validBody,
                        ifMatch);
            }
            String path = path(endpoint, Map.of(), params);
            // versions that are not versions
            if (endpoint.method().equals("PUT") || endpoint.method().equals("DELETE")) {
                for (String bad : List.of("abc", "\"99999999999999999999\"", "W/\"x\"", "")) {
                    call("If-Match " + bad, user, endpoint, path, validType, validBody, "If-Match", bad);
                }
            }
            if (endpoint.hasBody()) {
                call("no body", user, endpoint, path, null, null, ifMatch);
                call("empty body", user, endpoint, path, jsonType, new byte[0], ifMatch);
                call("text/plain", user, endpoint, path, "text/plain", empty, ifMatch);
                for (String body : List.of("{}", "null", "[]", "{", "\"text\"", "123", "true", "{\"a\":1}{",
                        "[".repeat(5000), "{\"x\":\"" + "y".repeat(100_000) + "\"}", "\u0000", "{\"\u0000\":1}")) {
                    call("body " + (body.length() > 20 ? body.substring(0, 5) + "…" : body), user, endpoint, path,
                            jsonType, body.getBytes(StandardCharsets.UTF_8), ifMatch);
                }
                for (String field : endpoint.bodyFields()) {
                    for (String value : List.of("{}", "[]", "\"x\"", "99999999999999999999", "1.5", "true", "null",
                            "[null]", "\"\\u0000\"")) {
                        call("field " + field + "=" + value, user, endpoint, path, jsonType,
                                ("{\"" + field + "\":" + value + "}").getBytes(StandardCharsets.UTF_8), ifMatch);
                    }
                }
            }
            if (endpoint.multipart()) {
                byte[] picture = png();
                call("file name with NUL", user, endpoint, path, Multipart.CONTENT_TYPE,
                        Multipart.body("a\0.png.html", picture, Map.of()));
                call("file name with a path", user, endpoint, path, Multipart.CONTENT_TYPE,
                        Multipart.body("../../etc/passwd", picture, Map.of()));
                call("file name with a line break", user, endpoint, path, Multipart.CONTENT_TYPE,
                        Multipart.body("a\r\nX-Evil: 1.png", picture, Map.of()));
                call("no file part", user, endpoint, path, Multipart.CONTENT_TYPE,
                        ("--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                                + Multipart.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
                call("empty file", user, endpoint, path, Multipart.CONTENT_TYPE, Multipart.body("a.png", new byte[0],
                        Map.of()));
                call("garbage file", user, endpoint, path, Multipart.CONTENT_TYPE, Multipart.body("a.xlsx",
                        "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1), Map.of()));
                call("broken multipart", user, endpoint, path, Multipart.CONTENT_TYPE,
                        "--nope\r\nContent-Disposition: form".getBytes(StandardCharsets.UTF_8));
                call("multipart without boundary", user, endpoint, path, "multipart/form-data",
                        Multipart.body("a.png", picture, Map.of()));
                call("JSON instead of a file", user, endpoint, path, jsonType, empty);
                call("no body instead of a file", user, endpoint, path, null, null);
            }
            call("Accept XML", user, endpoint, path, validType, validBody, "Accept", "application/xml", "If-Match", "\"1\"");
            call("Accept-Language garbage", user, endpoint, path, validType, validBody, "Accept-Language", ";;q=x,*-*",
                    "If-Match", "\"1\"");
        }

        @Test
        void answersNoShapeOfRequestWithAServerError() {
            List<Endpoint> endpoints = endpoints();
            assertThat(endpoints).hasSizeGreaterThan(60);
            for (String user : List.of("district", "team01")) {
                for (Endpoint endpoint : endpoints) {
                    shapes(user, endpoint);
                }
            }
            System.out.printf("%d endpoints, %d shapes, %d requests%n", endpoints.size(), shapes.size(), requests);
            assertThat(failures).isEmpty();
        }
    }
}
