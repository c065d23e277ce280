package org.bangfu.organisation;

import static org.bangfu.shared.Workbooks.blank;
import static org.bangfu.shared.Workbooks.headerStyle;
import static org.bangfu.shared.Workbooks.headersMatch;
import static org.bangfu.shared.Workbooks.row;
import static org.bangfu.shared.Workbooks.sheet;
import static org.bangfu.shared.Workbooks.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shared.Workbooks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation in Excel, as the household import works: a template with three sheets (街道, 社区村, 帮扶小组),
 * and an import that saves all rows or none, with a report of every problem by sheet, row and column.
 * <p>
 * Rows are matched by code. A new code is added; an existing code whose name (or, for a team, served streets)
 * differs is changed to what the file says; an existing code that already reads as in the file is left alone and
 * counted as unchanged, so importing the same file twice changes nothing the second time. An import never
 * deactivates or reactivates anything, and never moves a village to another street.
 */
@Service
public class OrganisationExcel {

    static final String STREET_SHEET = "街道";
    static final String VILLAGE_SHEET = "社区村";
    static final String TEAM_SHEET = "帮扶小组";
    static final String GUIDE_SHEET = "填写说明";

    /** Columns: header, the facade's field name. */
    static final String[][] STREET_COLUMNS = { { "街道编号", "code" }, { "街道名称", "name" } };
    static final String[][] VILLAGE_COLUMNS = { { "街道编号", "streetId" }, { "社区/村编号", "code" },
            { "社区/村名称", "name" } };
    static final String[][] TEAM_COLUMNS = { { "帮扶小组编号", "code" }, { "帮扶小组名称", "name" },
            { "服务街道编号", "streetIds" } };

    private final Organisation organisation;
    private final AuditLog auditLog;
    private final TransactionTemplate tx;

    OrganisationExcel(Organisation organisation, AuditLog auditLog, TransactionTemplate tx) {
        this.organisation = organisation;
        this.auditLog = auditLog;
        this.tx = tx;
    }

    /** The empty template with an example row a sheet and a guide. */
    public byte[] template() {
        return Workbooks.write(book -> {
            CellStyle header = headerStyle(book);
            row(sheet(book, STREET_SHEET, STREET_COLUMNS, header, 20), 1, "S01", "中山南路街道");
            row(sheet(book, VILLAGE_SHEET, VILLAGE_COLUMNS, header, 20), 1, "S01", "S01-V1", "花津社区");
            row(sheet(book, TEAM_SHEET, TEAM_COLUMNS, header, 20), 1, "T01", "第一帮扶小组", "S01、S02");
            Sheet guide = book.createSheet(GUIDE_SHEET);
            int r = 0;
            row(guide, r++, "每个街道（乡镇）一行填在“街道”表，每个社区或村一行填在“社区村”表，每个帮扶小组一行填在“帮扶小组”表。");
            row(guide, r++, "编号只能由字母、数字、“-”和“_”组成，不超过 32 个字符；名称不超过 100 个字符。");
            row(guide, r++, "服务街道编号之间用“、”或“,”分隔，第一个为帮扶小组的所在街道。");
            row(guide, r++, "编号已存在的行：名称（或服务街道）不同就改为文件中的内容，相同则不改动；导入不会停用、启用或删除任何数据。");
            row(guide, r, "整份文件全部正确才会导入；有任何错误时不导入任何数据，并逐行列出问题。");
            guide.setColumnWidth(0, 120 * 256);
        });
    }

    /**
     * Imports a filled template: all or nothing. The report lists every problem found (sheet, row, column, message
     * key and arguments); when it has any, nothing was saved. The administrator's alone.
     */
    public ImportReport importWorkbook(InputStream in) {
        SignedInUser admin = CurrentUser.requireRole(Role.ADMIN);
        Workbook book;
        try {
            book = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException notXlsx) {
            return ImportReport.failed(new ImportProblem(null, 0, null, "import.notXlsx"));
        }
        try (book) {
            Sheet streets = book.getSheet(STREET_SHEET);
            Sheet villages = book.getSheet(VILLAGE_SHEET);
            Sheet teams = book.getSheet(TEAM_SHEET);
            if (streets == null || villages == null || teams == null || !headersMatch(streets, STREET_COLUMNS)
                    || !headersMatch(villages, VILLAGE_COLUMNS) || !headersMatch(teams, TEAM_COLUMNS)) {
                return ImportReport.failed(new ImportProblem(null, 0, null, "organisation.import.notTemplate"));
            }
            List<ImportProblem> problems = new ArrayList<>();
            int[] counts = new int[3];
            tx.executeWithoutResult(status -> {
                importStreets(streets, problems, counts);
                importVillages(villages, problems, counts);
                importTeams(teams, problems, counts);
                if (problems.isEmpty()) {
                    auditLog.recordWithChange(admin.getUsername(), AuditAction.ORGANISATION_IMPORTED, null,
                            Outcome.SUCCESS, AuditText.of("audit.detail.organisationImported", counts[0], counts[1], counts[2]));
                } else {
                    status.setRollbackOnly();
                }
            });
            return problems.isEmpty() ? new ImportReport(counts[0], counts[1], counts[2], List.of())
                    : new ImportReport(0, 0, 0, List.copyOf(problems));
        } catch (IOException e) {
            return ImportReport.failed(new ImportProblem(null, 0, null, "import.notXlsx"));
        }
    }

    private void importStreets(Sheet sheet, List<ImportProblem> problems, int[] counts) {
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (blank(row, STREET_COLUMNS.length)) {
                continue;
            }
            int excelRow = r + 1;
            String code = text(row, 0);
            String name = text(row, 1);
            if (twice(seen, code, excelRow, STREET_SHEET, STREET_COLUMNS[0][0], problems)) {
                continue;
            }
            try {
                Street existing = organisation.findStreetByCode(code).orElse(null);
                if (existing == null) {
                    organisation.createStreet(code, name);
                    counts[0]++;
                } else if (!existing.name().equals(name)) {
                    organisation.renameStreet(existing.id(), existing.version(), name);
                    counts[1]++;
                } else {
                    counts[2]++;
                }
            } catch (InvalidInput invalid) {
                report(problems, STREET_SHEET, excelRow, STREET_COLUMNS, invalid);
            }
        }
    }

    private void importVillages(Sheet sheet, List<ImportProblem> problems, int[] counts) {
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (blank(row, VILLAGE_COLUMNS.length)) {
                continue;
            }
            int excelRow = r + 1;
            String streetCode = text(row, 0);
            String code = text(row, 1);
            String name = text(row, 2);
            if (twice(seen, code, excelRow, VILLAGE_SHEET, VILLAGE_COLUMNS[1][0], problems)) {
                continue;
            }
            Street street = organisation.findStreetByCode(streetCode).orElse(null);
            if (street == null) {
                problems.add(new ImportProblem(VILLAGE_SHEET, excelRow, VILLAGE_COLUMNS[0][0],
                        streetCode.isEmpty() ? "form.required" : "organisation.import.unknownStreet", streetCode));
                continue;
            }
            try {
                Village existing = organisation.findVillageByCode(code).orElse(null);
                if (existing == null) {
                    organisation.createVillage(street.id(), code, name);
                    counts[0]++;
                } else if (existing.streetId() != street.id()) {
                    String owner = organisation.street(existing.streetId()).map(Street::name).orElse("");
                    problems.add(new ImportProblem(VILLAGE_SHEET, excelRow, VILLAGE_COLUMNS[0][0],
                            "organisation.import.villageOtherStreet", existing.name(), owner));
                } else if (!existing.name().equals(name)) {
                    organisation.renameVillage(existing.id(), existing.version(), name);
                    counts[1]++;
                } else {
                    counts[2]++;
                }
            } catch (InvalidInput invalid) {
                report(problems, VILLAGE_SHEET, excelRow, VILLAGE_COLUMNS, invalid);
            }
        }
    }

    private void importTeams(Sheet sheet, List<ImportProblem> problems, int[] counts) {
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (blank(row, TEAM_COLUMNS.length)) {
                continue;
            }
            int excelRow = r + 1;
            String code = text(row, 0);
            String name = text(row, 1);
            if (twice(seen, code, excelRow, TEAM_SHEET, TEAM_COLUMNS[0][0], problems)) {
                continue;
            }
            List<Long> streetIds = new ArrayList<>();
            boolean unknown = false;
            for (String streetCode : text(row, 2).split("[、,，;；\\s]+")) {
                if (streetCode.isBlank()) {
                    continue;
                }
                Street street = organisation.findStreetByCode(streetCode).orElse(null);
                if (street == null) {
                    problems.add(new ImportProblem(TEAM_SHEET, excelRow, TEAM_COLUMNS[2][0],
                            "organisation.import.unknownStreet", streetCode));
                    unknown = true;
                } else {
                    streetIds.add(street.id());
                }
            }
            if (unknown) {
                continue;
            }
            try {
                Team existing = organisation.findTeamByCode(code).orElse(null);
                if (existing == null) {
                    organisation.createTeam(code, name, streetIds);
                    counts[0]++;
                } else if (!existing.name().equals(name)
                        || !existing.streetIds().equals(streetIds.stream().distinct().toList())) {
                    organisation.updateTeam(existing.id(), existing.version(), name, streetIds);
                    counts[1]++;
                } else {
                    counts[2]++;
                }
            } catch (InvalidInput invalid) {
                report(problems, TEAM_SHEET, excelRow, TEAM_COLUMNS, invalid);
            }
        }
    }

    /** A code given twice in one sheet: the later row is reported, not applied over the earlier. */
    private static boolean twice(Map<String, Integer> seen, String code, int excelRow, String sheet, String column,
            List<ImportProblem> problems) {
        if (code.isEmpty()) {
            return false;
        }
        Integer earlier = seen.putIfAbsent(code, excelRow);
        if (earlier != null) {
            problems.add(new ImportProblem(sheet, excelRow, column, "organisation.import.codeTwice", code, earlier));
            return true;
        }
        return false;
    }

    private static void report(List<ImportProblem> problems, String sheet, int row, String[][] columns,
            InvalidInput invalid) {
        for (FieldError error : invalid.errors()) {
            String column = Arrays.stream(columns).filter(c -> c[1].equals(error.field())).map(c -> c[0]).findFirst()
                    .orElse(null);
            problems.add(new ImportProblem(sheet, row, column, error.messageKey(), error.arguments()));
        }
    }

    /** What an import did: rows added, changed, and found as in the file; or every problem, and nothing saved. */
    public record ImportReport(int created, int changed, int unchanged, List<ImportProblem> problems) {

        static ImportReport failed(ImportProblem problem) {
            return new ImportReport(0, 0, 0, List.of(problem));
        }

        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    /** One problem: sheet and row as Excel shows them, the column's header (null: the whole file or row). */
    public record ImportProblem(String sheet, int row, String column, String messageKey, Object... arguments) {
    }
}
