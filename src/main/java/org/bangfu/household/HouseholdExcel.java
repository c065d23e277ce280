package org.bangfu.household;

import static org.bangfu.shared.Workbooks.blank;
import static org.bangfu.shared.Workbooks.headerStyle;
import static org.bangfu.shared.Workbooks.headersMatch;
import static org.bangfu.shared.Workbooks.row;
import static org.bangfu.shared.Workbooks.sheet;
import static org.bangfu.shared.Workbooks.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Village;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.Workbooks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Households in Excel: a template to fill in, an import of households with their members that saves all
 * rows or none (with a report of every problem by sheet, row and column), and an export of a filtered list.
 * Code-list cells take the Chinese label (or the code).
 */
@Service
public class HouseholdExcel {

    static final String HOUSEHOLD_SHEET = "困难户";
    static final String MEMBER_SHEET = "家庭成员";
    static final String GUIDE_SHEET = "填写说明";

    /** Household columns: header, the facade's field name. */
    static final String[][] HOUSEHOLD_COLUMNS = { { "导入编号", "key" }, { "户主姓名", "headName" }, { "街道", "streetId" },
            { "村（社区）", "villageId" }, { "详细地址", "address" }, { "联系电话", "phone" }, { "银行账号", "bankAccount" },
            { "户属性", "attribute" }, { "住房面积（㎡）", "housingArea" }, { "住房结构", "housingStructure" },
            { "危房等级", "dilapidation" }, { "耕地面积（亩）", "landArea" }, { "主要致贫原因", "mainCause" },
            { "次要致贫原因", "secondaryCauses" }, { "帮扶需求", "needs" } };

    static final String[][] MEMBER_COLUMNS = { { "导入编号", "key" }, { "姓名", "name" }, { "与户主关系", "relation" },
            { "身份证号", "idNumber" }, { "文化程度", "education" }, { "在校生情况", "schooling" },
            { "劳动能力", "labourAbility" }, { "健康状况", "health" }, { "残疾证号", "disabilityCertNo" },
            { "残疾等级", "disabilityGrade" }, { "医疗保险", "medicalInsurance" }, { "养老保险", "pensionInsurance" } };

    private static final Map<String, Attribute> ATTRIBUTES = Map.of("一般户", Attribute.GENERAL, "低保户", Attribute.DIBAO,
            "特困户", Attribute.TEKUN, "一般", Attribute.GENERAL, "低保", Attribute.DIBAO, "特困", Attribute.TEKUN);

    private static final int EXPORT_PAGE = 500;

    private final Households households;
    private final Organisation organisation;
    private final CodeLists codes;
    private final MessageSource messages;
    private final TransactionTemplate tx;

    HouseholdExcel(Households households, Organisation organisation, CodeLists codes, MessageSource messages,
            TransactionTemplate tx) {
        this.households = households;
        this.organisation = organisation;
        this.codes = codes;
        this.messages = messages;
        this.tx = tx;
    }

    // ---- template ------------------------------------------------------------------------------------

    /** The empty template with an example row and a guide listing the values each coded column takes. */
    public byte[] template() {
        return Workbooks.write(book -> {
            CellStyle header = headerStyle(book);
            Sheet households = sheet(book, HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS, header, 16);
            row(households, 1, "H1", "张三", "中山南路街道", "花津社区", "花津社区 1 号", "13855301234", "", "低保户", "60",
                    "砖混", "非危房", "1.5", "因病", "缺劳力、缺资金", "医疗救助、就业帮扶");
            Sheet members = sheet(book, MEMBER_SHEET, MEMBER_COLUMNS, header, 16);
            row(members, 1, "H1", "张三", "户主", "（18 位身份证号）", "初中", "非在校生", "普通劳动力", "长期慢性病", "", "",
                    "是", "是");
            Sheet guide = book.createSheet(GUIDE_SHEET);
            int r = 0;
            row(guide, r++, "每户一行填在“困难户”表，每位家庭成员一行填在“家庭成员”表，用“导入编号”把成员和户对应起来。");
            row(guide, r++, "整份文件全部正确才会导入；有任何错误时不导入任何数据，并逐行列出问题。");
            row(guide, r++, "街道", String.join("、", organisation.activeStreets().stream().map(Street::name).toList()));
            row(guide, r++, "户属性", "一般户、低保户、特困户");
            for (String[] list : new String[][] { { "住房结构", CodeLists.STRUCTURE }, { "危房等级", CodeLists.DILAPIDATION },
                    { "致贫原因", CodeLists.CAUSE }, { "与户主关系", CodeLists.RELATION }, { "文化程度", CodeLists.EDUCATION },
                    { "在校生情况", CodeLists.SCHOOLING }, { "劳动能力", CodeLists.LABOUR }, { "健康状况", CodeLists.HEALTH } }) {
                row(guide, r++, list[0], String.join("、", codes.items(list[1]).stream().map(CodeLists.CodeItem::labelZh).toList()));
            }
            row(guide, r++, "残疾等级", "1、2、3、4");
            row(guide, r, "医疗保险、养老保险", "是、否");
            guide.setColumnWidth(0, 24 * 256);
            guide.setColumnWidth(1, 120 * 256);
        });
    }

    // ---- export --------------------------------------------------------------------------------------

    /** Writes the households of the filter that the caller may see, page by page, into a streamed workbook. */
    public void export(HouseholdFilter filter, HouseholdSort sort, Locale locale, OutputStream out) throws IOException {
        CurrentUser.require();
        Workbooks.stream(out, book -> {
            Sheet sheet = book.createSheet(HOUSEHOLD_SHEET);
            row(sheet, 0, Arrays.stream(new String[] { "fileNo", "headName", "streetId", "villageId", "teamId", "stage",
                    "attribute", "mainCause", "members" }).map(f -> messages.getMessage("field." + f, null, locale)).toArray());
            int r = 1;
            for (int offset = 0;; offset += EXPORT_PAGE) {
                List<HouseholdSummary> page = households.list(filter, sort, offset, EXPORT_PAGE);
                for (HouseholdSummary h : page) {
                    row(sheet, r++, h.fileNo(), h.headName(), h.streetName(), h.villageName(), nullToEmpty(h.teamName()),
                            messages.getMessage("stage." + h.stage().name(), null, locale),
                            messages.getMessage("attribute." + h.attribute().name(), null, locale),
                            codes.label(CodeLists.CAUSE, h.mainCause(), locale), h.members());
                }
                if (page.size() < EXPORT_PAGE) {
                    break;
                }
            }
        });
    }

    // ---- import --------------------------------------------------------------------------------------

    /**
     * Imports households and members from a filled template: all or nothing. The report lists every problem
     * found (sheet, row, column, message key and arguments); when it has any, nothing was saved.
     */
    public ImportReport importWorkbook(InputStream in, IntConsumer progress) {
        CurrentUser.requireRole(Role.STREET, Role.DISTRICT, Role.ADMIN);
        List<ImportProblem> problems = new ArrayList<>();
        Workbook book;
        try {
            book = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException notXlsx) {
            return ImportReport.failed(new ImportProblem(null, 0, null, "import.notXlsx"));
        }
        try (book) {
            Sheet hs = book.getSheet(HOUSEHOLD_SHEET);
            Sheet ms = book.getSheet(MEMBER_SHEET);
            if (hs == null || ms == null || !headersMatch(hs, HOUSEHOLD_COLUMNS) || !headersMatch(ms, MEMBER_COLUMNS)) {
                return ImportReport.failed(new ImportProblem(null, 0, null, "import.notTemplate"));
            }
            Map<String, HouseholdRow> rows = readHouseholds(hs, problems);
            Map<String, List<MemberRow>> members = readMembers(ms, rows, problems);
            int total = rows.size();
            int[] counts = new int[2];
            tx.executeWithoutResult(status -> {
                int done = 0;
                for (HouseholdRow row : rows.values()) {
                    Long id = null;
                    // rows with problems of their own still go through the facade's rules, so that the report
                    // lists all of a row's problems at once; nothing is kept when there is any
                    try {
                        id = households.open(row.draft());
                        counts[0]++;
                    } catch (InvalidInput invalid) {
                        report(problems, HOUSEHOLD_SHEET, row.row(), HOUSEHOLD_COLUMNS, invalid);
                    }
                    for (MemberRow member : members.getOrDefault(row.key(), List.of())) {
                        if (id == null) {
                            continue;
                        }
                        try {
                            households.addMember(id, member.draft());
                            counts[1]++;
                        } catch (InvalidInput invalid) {
                            report(problems, MEMBER_SHEET, member.row(), MEMBER_COLUMNS, invalid);
                        }
                    }
                    done++;
                    if (progress != null && (done % 50 == 0 || done == total)) {
                        progress.accept(total == 0 ? 100 : done * 100 / total);
                    }
                    if (problems.size() > 1000) {
                        break;
                    }
                }
                if (!problems.isEmpty()) {
                    status.setRollbackOnly();
                }
            });
            problems.sort((a, b) -> a.sheet().equals(b.sheet()) ? Integer.compare(a.row(), b.row())
                    : a.sheet().equals(HOUSEHOLD_SHEET) ? -1 : 1);
            return problems.isEmpty() ? new ImportReport(counts[0], counts[1], List.of())
                    : new ImportReport(0, 0, List.copyOf(problems));
        } catch (IOException e) {
            return ImportReport.failed(new ImportProblem(null, 0, null, "import.notXlsx"));
        }
    }

    private Map<String, HouseholdRow> readHouseholds(Sheet sheet, List<ImportProblem> problems) {
        Map<String, Street> streets = new HashMap<>();
        organisation.activeStreets().forEach(s -> streets.put(s.name(), s));
        List<Village> villages = organisation.activeVillages();
        Map<String, HouseholdRow> rows = new LinkedHashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (blank(row, HOUSEHOLD_COLUMNS.length)) {
                continue;
            }
            int excelRow = r + 1;
            List<ImportProblem> own = new ArrayList<>();
            String key = text(row, 0);
            if (key.isEmpty()) {
                own.add(new ImportProblem(HOUSEHOLD_SHEET, excelRow, "导入编号", "import.keyRequired"));
            } else if (rows.containsKey(key)) {
                own.add(new ImportProblem(HOUSEHOLD_SHEET, excelRow, "导入编号", "import.keyDuplicate", key));
            }
            Street street = streets.get(text(row, 2));
            if (street == null && !text(row, 2).isEmpty()) {
                own.add(new ImportProblem(HOUSEHOLD_SHEET, excelRow, "街道", "import.unknownValue", text(row, 2)));
            }
            Village village = street == null ? null : villages.stream()
                    .filter(v -> v.streetId() == street.id() && v.name().equals(text(row, 3))).findFirst().orElse(null);
            if (village == null && street != null && !text(row, 3).isEmpty()) {
                own.add(new ImportProblem(HOUSEHOLD_SHEET, excelRow, "村（社区）", "import.unknownValue", text(row, 3)));
            }
            Attribute attribute = ATTRIBUTES.get(text(row, 7));
            if (attribute == null && !text(row, 7).isEmpty()) {
                try {
                    attribute = Attribute.valueOf(text(row, 7));
                } catch (IllegalArgumentException e) {
                    own.add(new ImportProblem(HOUSEHOLD_SHEET, excelRow, "户属性", "import.unknownValue", text(row, 7)));
                }
            }
            BigDecimal housingArea = number(row, 8, excelRow, HOUSEHOLD_SHEET, "住房面积（㎡）", own);
            BigDecimal landArea = number(row, 11, excelRow, HOUSEHOLD_SHEET, "耕地面积（亩）", own);
            List<String> secondary = Arrays.stream(text(row, 13).split("[、,，;；\\s]+")).filter(s -> !s.isBlank())
                    .map(s -> code(CodeLists.CAUSE, s)).toList();
            HouseholdDraft draft = new HouseholdDraft(text(row, 1), street == null ? null : street.id(),
                    village == null ? null : village.id(), text(row, 4), text(row, 5), text(row, 6), attribute,
                    housingArea, code(CodeLists.STRUCTURE, text(row, 9)), code(CodeLists.DILAPIDATION, text(row, 10)),
                    landArea, code(CodeLists.CAUSE, text(row, 12)), secondary, text(row, 14), null);
            problems.addAll(own);
            rows.putIfAbsent(key.isEmpty() ? "#row" + excelRow : key,
                    new HouseholdRow(key, excelRow, draft));
        }
        return rows;
    }

    private Map<String, List<MemberRow>> readMembers(Sheet sheet, Map<String, HouseholdRow> households,
            List<ImportProblem> problems) {
        Map<String, List<MemberRow>> members = new HashMap<>();
        Map<String, Integer> idNumbers = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (blank(row, MEMBER_COLUMNS.length)) {
                continue;
            }
            int excelRow = r + 1;
            String key = text(row, 0);
            List<ImportProblem> own = new ArrayList<>();
            if (!households.containsKey(key)) {
                own.add(new ImportProblem(MEMBER_SHEET, excelRow, "导入编号", "import.keyUnknown", key));
            }
            String idNumber = text(row, 3).toUpperCase();
            Integer earlier = idNumbers.putIfAbsent(idNumber, excelRow);
            if (earlier != null && !idNumber.isEmpty()) {
                own.add(new ImportProblem(MEMBER_SHEET, excelRow, "身份证号", "import.idNumberTwice", earlier));
            }
            Boolean medical = yesNo(text(row, 10));
            Boolean pension = yesNo(text(row, 11));
            if (medical == null) {
                own.add(new ImportProblem(MEMBER_SHEET, excelRow, "医疗保险", "import.yesNo", text(row, 10)));
            }
            if (pension == null) {
                own.add(new ImportProblem(MEMBER_SHEET, excelRow, "养老保险", "import.yesNo", text(row, 11)));
            }
            MemberDraft draft = new MemberDraft(text(row, 1), code(CodeLists.RELATION, text(row, 2)), null, null, idNumber,
                    code(CodeLists.EDUCATION, text(row, 4)), code(CodeLists.SCHOOLING, text(row, 5)),
                    code(CodeLists.LABOUR, text(row, 6)), code(CodeLists.HEALTH, text(row, 7)), text(row, 8),
                    text(row, 9), Boolean.TRUE.equals(medical), Boolean.TRUE.equals(pension));
            problems.addAll(own);
            members.computeIfAbsent(key, k -> new ArrayList<>()).add(new MemberRow(excelRow, draft));
        }
        return members;
    }

    /** The facade's errors of a row, except on cells whose reading already failed (one problem a cell). */
    private static void report(List<ImportProblem> problems, String sheet, int row, String[][] columns,
            InvalidInput invalid) {
        for (FieldError error : invalid.errors()) {
            String field = error.field().equals("gender") || error.field().equals("birthDate") ? "idNumber" : error.field();
            String column = Arrays.stream(columns).filter(c -> c[1].equals(field)).map(c -> c[0]).findFirst().orElse(null);
            boolean known = problems.stream().anyMatch(p -> sheet.equals(p.sheet()) && p.row() == row
                    && Objects.equals(p.column(), column) || (column != null && column.equals("村（社区）")
                            && sheet.equals(p.sheet()) && p.row() == row && "街道".equals(p.column())));
            if (!known) {
                problems.add(new ImportProblem(sheet, row, column, error.messageKey(), error.arguments()));
            }
        }
    }

    /** A label of a code list (or the code itself) to its code; unknown text is passed on for the facade to refuse. */
    private String code(String list, String text) {
        if (text.isEmpty()) {
            return null;
        }
        return codes.items(list).stream().filter(i -> i.labelZh().equals(text) || i.code().equals(text)
                || i.labelEn().equalsIgnoreCase(text)).map(CodeLists.CodeItem::code).findFirst().orElse(text);
    }

    private static BigDecimal number(Row row, int column, int excelRow, String sheet, String header,
            List<ImportProblem> problems) {
        String text = text(row, column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(new ImportProblem(sheet, excelRow, header, "import.notANumber", text));
            return null;
        }
    }

    private static Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "否", "n", "no", "false", "0" -> false;
            case "是", "y", "yes", "true", "1" -> true;
            default -> null;
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private record HouseholdRow(String key, int row, HouseholdDraft draft) {
    }

    private record MemberRow(int row, MemberDraft draft) {
    }

    /** One problem of an import: where it is and what, as a message key with arguments. */
    public record ImportProblem(String sheet, int row, String column, String messageKey, Object... arguments) {
    }

    /** What an import did: how many households and members it saved, or, when problems exist, nothing. */
    public record ImportReport(int households, int members, List<ImportProblem> problems) {

        static ImportReport failed(ImportProblem problem) {
            return new ImportReport(0, 0, List.of(problem));
        }

        public boolean succeeded() {
            return problems.isEmpty();
        }
    }
}
