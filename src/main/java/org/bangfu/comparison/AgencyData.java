package org.bangfu.comparison;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.comparison.AgencyField.Column;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shared.TableFile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agencies' data sets (部门比对数据): imported by the district or an administrator from .xlsx or .csv,
 * each import a dated version that is kept. Only they see the data itself; others meet agency records only
 * as the evidence of a warning on a household in their scope.
 */
@Service
public class AgencyData {

    private static final int INSERT_CHUNK = 1000;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog auditLog;
    private final Clock clock;

    AgencyData(JdbcClient jdbc, TransactionTemplate transactions, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** How an import treats rows that cannot be read. */
    public enum Mode {
        /** Read and report only; store nothing. */
        CHECK,
        /** Store the data set only if every row is readable. */
        ALL_OR_NOTHING,
        /** Store the readable rows; the others are recorded as skipped with the version. */
        SKIP_UNREADABLE_ROWS
    }

    /** What became of an import. */
    public enum Status {
        CHECKED, IMPORTED, ALREADY_IMPORTED, REFUSED
    }

    /** One row that could not be read: its row number in the file, the field, the message key, the value. */
    public record RowProblem(int rowNo, String field, String messageKey, String value) {
    }

    /**
     * The result of reading a file: the mapping used (field key → header), the rows read, the problems; and
     * the data set version it became, if stored.
     */
    public record ImportReport(Status status, AgencyKind kind, String fileName, String charset,
            List<String> headers, Map<String, String> mapping, int rows, int readableRows, List<RowProblem> problems,
            Dataset dataset) {
    }

    /** One imported version of an agency's data set. */
    public record Dataset(long id, AgencyKind kind, int versionNo, LocalDate asOf, String fileName, String charset,
            int rowCount, int skippedCount, OffsetDateTime importedAt, String importedBy) {
    }

    /** One agency record, its values by field key, the ID number masked. */
    public record AgencyRecord(long id, int rowNo, String idNumber, Map<String, String> values) {
    }

    /**
     * Reads an agency file and, unless {@code mode} is {@link Mode#CHECK}, stores it as the kind's next version.
     * {@code mapping} maps field keys to header texts; fields left out are found by their usual headers. A file
     * already imported for the kind is not stored again: the report names the version it became.
     */
    public ImportReport importFile(AgencyKind kind, String fileName, byte[] content, Map<String, String> mapping,
            LocalDate asOf, Mode mode) {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        LocalDate today = LocalDate.now(clock);
        LocalDate effective = asOf == null ? today : asOf;
        List<FieldError> errors = new ArrayList<>();
        if (effective.isAfter(today)) {
            errors.add(new FieldError("asOf", "agency.asOf.future"));
        }
        TableFile table;
        try {
            table = TableFile.read(content);
        } catch (TableFile.Unreadable e) {
            errors.add(new FieldError("file", "agency.file.unreadable"));
            throw new InvalidInput(errors);
        }
        Map<AgencyField, Integer> columns = AgencyRows.columns(kind, table.headers(), mapping == null ? Map.of() : mapping, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        List<AgencyRows.Parsed> parsed = new ArrayList<>(table.lines().size());
        List<RowProblem> problems = new ArrayList<>();
        for (TableFile.Line line : table.lines()) {
            AgencyRows.parse(line, columns, today, problems).ifPresent(parsed::add);
        }
        Map<String, String> used = new LinkedHashMap<>();
        columns.forEach((field, column) -> used.put(field.key(), table.headers().get(column)));
        String sha256 = sha256(content);
        Optional<Dataset> existing = datasetByFile(kind, sha256);
        String name = fileName == null || fileName.isBlank() ? "import" : AgencyRows.truncate(fileName, 200);
        if (existing.isPresent() || mode == Mode.CHECK || (mode == Mode.ALL_OR_NOTHING && !problems.isEmpty())) {
            Status status = existing.isPresent() ? Status.ALREADY_IMPORTED
                    : mode == Mode.CHECK ? Status.CHECKED : Status.REFUSED;
            return new ImportReport(status, kind, name, table.charset(), table.headers(), used, table.lines().size(),
                    parsed.size(), problems, existing.orElse(null));
        }
        // two imports of the same kind at once may both take the next version number: the second tries again
        for (int attempt = 1; ; attempt++) {
            try {
                Dataset dataset = transactions.execute(tx -> store(kind, name, sha256, table.charset(), effective,
                        parsed, problems, user));
                auditLog.record(user.getUsername(), AuditAction.AGENCY_DATA_IMPORTED,
                        AuditText.of("audit.target.dataset", AuditText.label("agency.kind." + kind.name()),
                                dataset.versionNo()),
                        null, Outcome.SUCCESS,
                        AuditText.of("audit.detail.imported", name, parsed.size(), problems.size()));
                return new ImportReport(Status.IMPORTED, kind, name, table.charset(), table.headers(), used,
                        table.lines().size(), parsed.size(), problems, dataset);
            } catch (DuplicateKeyException clash) {
                Optional<Dataset> sameFile = datasetByFile(kind, sha256);
                if (sameFile.isPresent()) {
                    return new ImportReport(Status.ALREADY_IMPORTED, kind, name, table.charset(), table.headers(), used,
                            table.lines().size(), parsed.size(), problems, sameFile.get());
                }
                if (attempt == 3) {
                    throw clash;
                }
            }
        }
    }

    /** The header row of a file, for choosing the mapping; the file's problem when it cannot be read. */
    public List<String> headers(byte[] content) {
        CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        try {
            return TableFile.read(content).headers();
        } catch (TableFile.Unreadable e) {
            throw new InvalidInput(List.of(new FieldError("file", "agency.file.unreadable")));
        }
    }

    /** The header each field of a kind is found under by its usual names (field key → header), where one is. */
    public static Map<String, String> suggestMapping(AgencyKind kind, List<String> headers) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (AgencyField field : kind.fields()) {
            headers.stream().filter(field::recognises).findFirst().ifPresent(h -> mapping.put(field.key(), h));
        }
        return mapping;
    }

    private Dataset store(AgencyKind kind, String fileName, String sha256, String charset, LocalDate asOf,
            List<AgencyRows.Parsed> rows, List<RowProblem> problems, SignedInUser user) {
        int version = jdbc.sql("select coalesce(max(version_no), 0) + 1 from bf_agency_dataset where kind = ?")
                .param(kind.name()).query(Integer.class).single();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                insert into bf_agency_dataset (kind, version_no, as_of, file_name, file_sha256, charset, row_count,
                                               skipped_count, imported_at, imported_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), version, asOf, fileName, sha256, charset, rows.size(), problems.size(), now,
                        user.getUsername())
                .update();
        long id = jdbc.sql("select id from bf_agency_dataset where kind = ? and version_no = ?")
                .params(kind.name(), version).query(Long.class).single();
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            List<AgencyRows.Parsed> chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK));
            StringBuilder sql = new StringBuilder("""
                    insert into bf_agency_record (dataset_id, row_no, id_number, person_name, text_a, text_b, flag,
                                                  amount, event_date) values\s""");
            List<Object> params = new ArrayList<>(chunk.size() * 9);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                AgencyRows.Parsed row = chunk.get(i);
                params.add(id);
                params.add(row.rowNo());
                for (Column column : Column.values()) {
                    params.add(row.values().get(column));
                }
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        // a row may break several rules; one entry per row and message is enough to explain it
        Set<String> seen = new HashSet<>();
        for (RowProblem problem : problems) {
            if (seen.add(problem.rowNo() + "/" + problem.messageKey())) {
                jdbc.sql("""
                        insert into bf_agency_skipped_row (dataset_id, row_no, field, message_key, cell_value)
                        values (?, ?, ?, ?, ?)""")
                        .params(id, problem.rowNo(), problem.field(), problem.messageKey(), problem.value()).update();
            }
        }
        return dataset(id).orElseThrow();
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** Every version of every data set, newest first (district and administrators). */
    public List<Dataset> datasets() {
        CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        return jdbc.sql(DATASET + " order by kind, version_no desc").query(AgencyData::dataset).list();
    }

    /** The newest version of each kind that has one. */
    public Map<AgencyKind, Dataset> latest() {
        Map<AgencyKind, Dataset> latest = new EnumMap<>(AgencyKind.class);
        jdbc.sql(DATASET + " where d.version_no = (select max(x.version_no) from bf_agency_dataset x where x.kind = d.kind)")
                .query(AgencyData::dataset).list().forEach(d -> latest.put(d.kind(), d));
        return latest;
    }

    /** The rows a version skipped, and why. */
    public List<RowProblem> skippedRows(long datasetId) {
        CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        return jdbc.sql("""
                select row_no, field, message_key, cell_value from bf_agency_skipped_row
                 where dataset_id = ? order by row_no, message_key""")
                .param(datasetId)
                .query((rs, n) -> new RowProblem(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** A page of a version's records (district and administrators), ID numbers masked. */
    public List<AgencyRecord> records(long datasetId, int offset, int limit) {
        CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        Dataset dataset = dataset(datasetId).orElseThrow(() -> new InvalidInput(
                List.of(new FieldError("dataset", "agency.dataset.unknown"))));
        return jdbc.sql(RECORD + " where r.dataset_id = ? order by r.row_no offset ? rows fetch next ? rows only")
                .params(datasetId, Math.max(0, offset), Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> record(dataset.kind(), rs, 0)).list();
    }

    static final String RECORD = """
            select r.id, r.row_no, r.id_number, r.person_name, r.text_a, r.text_b, r.flag, r.amount, r.event_date
              from bf_agency_record r""";

    /**
     * An agency record's values by field key (booleans as {@code true}/{@code false}, dates ISO), the ID number
     * masked; read from the nine columns of {@link #RECORD} starting after {@code offset}.
     */
    static AgencyRecord record(AgencyKind kind, java.sql.ResultSet rs, int offset) throws java.sql.SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        String idNumber = IdNumber.mask(rs.getString(offset + 3));
        for (AgencyField field : kind.fields()) {
            Object value = switch (field.column()) {
                case ID_NUMBER -> idNumber;
                case PERSON_NAME -> rs.getString(offset + 4);
                case TEXT_A -> rs.getString(offset + 5);
                case TEXT_B -> rs.getString(offset + 6);
                case FLAG -> rs.getObject(offset + 7) == null ? null : rs.getBoolean(offset + 7);
                case AMOUNT -> rs.getBigDecimal(offset + 8) == null ? null : rs.getBigDecimal(offset + 8).toPlainString();
                case EVENT_DATE -> rs.getObject(offset + 9, LocalDate.class);
            };
            values.put(field.key(), value == null ? null : value.toString());
        }
        return new AgencyRecord(rs.getLong(offset + 1), rs.getInt(offset + 2), idNumber, values);
    }

    private static final String DATASET = """
            select d.id, d.kind, d.version_no, d.as_of, d.file_name, d.charset, d.row_count, d.skipped_count,
                   d.imported_at, d.imported_by
              from bf_agency_dataset d""";

    Optional<Dataset> dataset(long id) {
        return jdbc.sql(DATASET + " where d.id = ?").param(id).query(AgencyData::dataset).optional();
    }

    private Optional<Dataset> datasetByFile(AgencyKind kind, String sha256) {
        return jdbc.sql(DATASET + " where d.kind = ? and d.file_sha256 = ?").params(kind.name(), sha256)
                .query(AgencyData::dataset).optional();
    }

    private static Dataset dataset(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Dataset(rs.getLong(1), AgencyKind.valueOf(rs.getString(2)), rs.getInt(3),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8),
                rs.getObject(9, OffsetDateTime.class), rs.getString(10));
    }

    /** The SHA-256 of some bytes, in hex: a file's identity, and a comparison's fingerprint. */
    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
