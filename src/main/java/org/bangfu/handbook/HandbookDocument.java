package org.bangfu.handbook;

import static org.bangfu.shared.PdfDocuments.escape;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.bangfu.funds.FundLedger;
import org.bangfu.funds.FundRequest;
import org.bangfu.funds.Payment;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdFile.Cadre;
import org.bangfu.household.HouseholdFile.Member;
import org.bangfu.settings.Settings;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.PdfDocuments;
import org.bangfu.shared.People;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The handbook as XHTML for the PDF renderer, laid out like the printed booklet: a cover with the household, its
 * team and cadre and the QR code; then numbered sections (basics, members, living conditions, causes and needs,
 * cadres, plan and measures, visits, results, funds); then a page for signatures. Always in Chinese, like every
 * official document; each page's foot names the household and counts the pages.
 */
@Component
class HandbookDocument {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** Everything printed; images (thumbnails, signatures) by attachment id. */
    record Contents(HouseholdFile file, List<Visit> visits, List<Measure> measures, List<Result> results,
            List<FundRequest> requests, List<Payment> payments, int year, FundLedger.Balance balance,
            Map<Long, byte[]> images, byte[] qrCode, LocalDate printedOn, People.Known people) {
    }

    private final MessageSource messages;
    private final CodeLists codes;
    private final Settings settings;

    HandbookDocument(MessageSource messages, CodeLists codes, Settings settings) {
        this.messages = messages;
        this.codes = codes;
        this.settings = settings;
    }

    String fileName(HouseholdFile file) {
        return text("doc.handbook.title") + "-" + file.fileNo() + ".pdf";
    }

    String xhtml(Contents c) {
        HouseholdFile f = c.file();
        StringBuilder b = new StringBuilder();
        cover(b, c);
        section(b, 1, "basics");
        table(b, List.of(
                row(text("field.headName"), f.headName(), text("field.fileNo"), f.fileNo()),
                row(text("doc.handbook.size"), text("doc.handbook.persons", f.members().size()), text("field.attribute"),
                        text("attribute." + f.attribute().name())),
                row(text("field.villageId"), f.streetName() + " " + f.villageName(), text("field.phone"), f.phone()),
                row(text("field.address"), f.address(), text("field.teamId"), f.teamName())), true);
        section(b, 2, "members");
        header(b, List.of("field.name", "field.relation", "field.gender", "field.birthDate", "field.idNumber",
                "field.education", "field.schooling", "field.labourAbility", "field.health", "doc.handbook.insurance"),
                9, 8, 5, 11, 19, 8, 9, 9, 8, 14);
        for (Member m : f.members()) {
            b.append("<tr>").append(td(m.name())).append(td(code(CodeLists.RELATION, m.relation())))
                    .append(td(text("gender." + m.gender().name()))).append(td(BureauTime.date(m.birthDate())))
                    .append(td(m.idNumber())).append(td(code(CodeLists.EDUCATION, m.education())))
                    .append(td(code(CodeLists.SCHOOLING, m.schooling())))
                    .append(td(code(CodeLists.LABOUR, m.labourAbility()))).append(td(m.health()))
                    .append(td(text("doc.handbook.insured", yes(m.medicalInsurance()), yes(m.pensionInsurance()))))
                    .append("</tr>");
        }
        empty(b, f.members().isEmpty(), 10);
        b.append("</table><p class=\"note\">").append(escape(text("doc.handbook.masked"))).append("</p>");
        section(b, 3, "living");
        table(b, List.of(
                row(text("field.housingArea"), number(f.housingArea()), text("field.housingStructure"),
                        code(CodeLists.STRUCTURE, f.housingStructure())),
                row(text("field.dilapidation"), code(CodeLists.DILAPIDATION, f.dilapidation()), text("field.landArea"),
                        number(f.landArea()))), true);
        section(b, 4, "causes");
        table(b, List.of(
                row(text("field.mainCause"), code(CodeLists.CAUSE, f.mainCause()), text("field.secondaryCauses"),
                        f.secondaryCauses().stream().map(cause -> code(CodeLists.CAUSE, cause))
                                .collect(Collectors.joining("、")))), true);
        b.append("<table class=\"grid\"><tr><th class=\"label\">").append(escape(text("field.needs")))
                .append("</th><td class=\"text\">").append(escape(dash(f.needs()))).append("</td></tr></table>");
        section(b, 5, "cadres");
        b.append("<table class=\"grid\"><tr><th>").append(escape(text("field.cadre"))).append("</th><th>")
                .append(escape(text("household.cadreUnit"))).append("</th><th>").append(escape(text("household.cadreTerm")))
                .append("</th></tr>");
        for (Cadre cadre : f.cadres()) {
            b.append("<tr>").append(td(cadre.name())).append(td(cadre.unit())).append(td(date(cadre.from()) + " — "
                    + (cadre.to() == null ? text("household.cadreCurrent") : date(cadre.to())))).append("</tr>");
        }
        empty(b, f.cadres().isEmpty(), 3);
        b.append("</table>");
        measures(b, c);
        visits(b, c);
        results(b, c);
        funds(b, c);
        signatures(b, c);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">"
                + "<head><meta charset=\"UTF-8\"/><title>" + escape(text("doc.handbook.title") + " " + f.headName())
                + "</title><style>" + style(f) + "</style></head><body>" + b + "</body></html>";
    }

    private void cover(StringBuilder b, Contents c) {
        HouseholdFile f = c.file();
        Cadre cadre = f.cadres().stream().filter(x -> x.to() == null).findFirst().orElse(null);
        b.append("<div class=\"cover\"><p class=\"year\">").append(escape(text("doc.handbook.year", String.valueOf(c.year()))))
                .append("</p><h1>").append(escape(text("doc.handbook.title"))).append("</h1><p class=\"subtitle\">")
                .append(escape(text("doc.handbook.subtitle"))).append("</p><table class=\"cover-facts\">");
        coverRow(b, text("field.headName"), f.headName());
        coverRow(b, text("field.fileNo"), f.fileNo());
        coverRow(b, text("field.streetId"), f.streetName());
        coverRow(b, text("field.villageId"), f.villageName());
        coverRow(b, text("field.teamId"), f.teamName());
        coverRow(b, text("field.cadre"), cadre == null ? null : cadre.name());
        b.append("</table><p class=\"issuer\">").append(escape(settings.text(HandbookSettingDefinitions.ISSUER))).append("<br/>")
                .append(escape(text("doc.handbook.printedOn", date(c.printedOn())))).append("</p><div class=\"qr\"><img src=\"")
                .append(dataUri("image/png", c.qrCode())).append("\" width=\"96\" height=\"96\"/><p>")
                .append(escape(text("doc.handbook.qr"))).append("</p></div></div>");
    }

    private void measures(StringBuilder b, Contents c) {
        section(b, 6, "measures");
        header(b, List.of("handbook.measure.category", "handbook.measure.party", "handbook.measure.content",
                "handbook.measure.plannedOn", "handbook.measure.cost", "handbook.measure.status"), 10, 18, 34, 12, 11, 15);
        for (Measure m : c.measures()) {
            String status = text("handbook.measure.status." + m.status().name())
                    + (m.doneOn() == null ? "" : " " + BureauTime.date(m.doneOn()))
                    + (m.statusReason() == null ? "" : "（" + m.statusReason() + "）");
            String content = m.content() + (m.fundRequestId() == null ? ""
                    : "（" + text("doc.handbook.fundRequest", String.valueOf(m.fundRequestId())) + "）");
            b.append("<tr>").append(td(code(CodeLists.MEASURE, m.category())))
                    .append(td(m.partyUnit() + (m.partyPerson() == null ? "" : " " + m.partyPerson())))
                    .append("<td class=\"text\">").append(escape(content)).append("</td>")
                    .append(td(BureauTime.date(m.plannedOn()))).append(td(m.cost() == null ? null : m.cost().format()))
                    .append(td(status)).append("</tr>");
        }
        empty(b, c.measures().isEmpty(), 6);
        b.append("</table>");
    }

    private void visits(StringBuilder b, Contents c) {
        section(b, 7, "visits");
        if (c.visits().isEmpty()) {
            b.append("<p class=\"none\">").append(escape(text("doc.handbook.none"))).append("</p>");
        }
        for (Visit v : c.visits()) {
            b.append("<table class=\"grid visit\"><tr><th class=\"label\">").append(escape(text("handbook.visit.visitedOn")))
                    .append("</th><td>").append(escape(date(v.visitedOn()) + " · " + text("handbook.visit.kind." + v.kind())))
                    .append("</td><th class=\"label\">").append(escape(text("handbook.visit.visitors"))).append("</th><td>")
                    .append(escape(v.visitors())).append("</td></tr>");
            visitLine(b, "handbook.visit.findings", v.findings());
            visitLine(b, "handbook.visit.incomeChange", v.incomeChange());
            visitLine(b, "handbook.visit.healthChange", v.healthChange());
            visitLine(b, "handbook.visit.housingChange", v.housingChange());
            visitLine(b, "handbook.visit.schoolingChange", v.schoolingChange());
            visitLine(b, "handbook.visit.needs", v.needs());
            visitLine(b, "handbook.visit.measuresDelivered", v.measuresDelivered());
            visitLine(b, "handbook.visit.wishes", v.wishes());
            if (!v.photoIds().isEmpty()) {
                b.append("<tr><th class=\"label\">").append(escape(text("handbook.visit.photos")))
                        .append("</th><td colspan=\"3\" class=\"photos\">");
                int unprintable = 0;
                for (Long photo : v.photoIds()) {
                    byte[] image = c.images().get(photo);
                    if (image == null) {
                        unprintable++;
                    } else {
                        b.append("<img class=\"photo\" src=\"").append(dataUri("image/jpeg", image)).append("\"/>");
                    }
                }
                if (unprintable > 0) {
                    b.append("<p class=\"note\">").append(escape(text("doc.handbook.photosElsewhere", unprintable)))
                            .append("</p>");
                }
                b.append("</td></tr>");
            }
            b.append("<tr><th class=\"label\">").append(escape(text("handbook.confirmation"))).append("</th><td colspan=\"3\">");
            confirmation(b, c, v.confirmation(), v.confirmationId());
            b.append("<span class=\"meta\">").append(escape(text("doc.handbook.saved", c.people().shown(v.savedBy(), this::text),
                    date(BureauTime.dateOf(v.savedAt())), v.version()))).append("</span></td></tr></table>");
        }
    }

    private void results(StringBuilder b, Contents c) {
        section(b, 8, "results");
        b.append("<table class=\"grid\"><tr><th>").append(escape(text("handbook.result.achievedOn"))).append("</th><th>")
                .append(escape(text("handbook.result.outcome"))).append("</th><th>")
                .append(escape(text("handbook.confirmation"))).append("</th></tr>");
        for (Result r : c.results()) {
            b.append("<tr>").append(td(BureauTime.date(r.achievedOn()))).append("<td class=\"text\">").append(escape(r.outcome()))
                    .append("</td><td>");
            confirmation(b, c, r.confirmation(), r.confirmationId());
            b.append("</td></tr>");
        }
        empty(b, c.results().isEmpty(), 3);
        b.append("</table>");
    }

    private void funds(StringBuilder b, Contents c) {
        section(b, 9, "funds");
        FundLedger.Balance balance = c.balance();
        table(b, List.of(
                row(text("doc.handbook.arranged", String.valueOf(c.year())), balance.arranged().format(), text("doc.handbook.paid"),
                        balance.paid().format()),
                row(text("doc.handbook.inApproval"), balance.inApproval().plus(balance.awaitingPayment()).format(),
                        text("doc.handbook.remaining"), balance.remaining().format())), true);
        header(b, List.of("funds.requestedAt", "funds.amount", "form.field.purpose", "funds.status", "funds.reference",
                "field.bankAccount"), 12, 12, 32, 9, 17, 18);
        for (FundRequest r : c.requests()) {
            List<Payment> paid = c.payments().stream().filter(p -> p.requestId() == r.id()).toList();
            b.append("<tr>").append(td(BureauTime.date(r.requestedAt()))).append(td(r.amount().format()))
                    .append("<td class=\"text\">").append(escape(code(CodeLists.MEASURE, r.measure()) + "：" + r.purpose()))
                    .append("</td>").append(td(text("funds.status." + r.status().name())))
                    .append(td(paid.stream().map(p -> p.reference() + " " + text("funds.payment.status." + p.status().name()))
                            .collect(Collectors.joining("；"))))
                    .append(td(paid.stream().map(Payment::payeeAccount).filter(java.util.Objects::nonNull).distinct()
                            .collect(Collectors.joining("；"))))
                    .append("</tr>");
        }
        empty(b, c.requests().isEmpty(), 6);
        b.append("</table>");
    }

    private void signatures(StringBuilder b, Contents c) {
        b.append("</div><div class=\"signatures\"><h2>").append(escape(text("doc.handbook.section.signatures"))).append("</h2><p>")
                .append(escape(text("doc.handbook.signatures.intro"))).append("</p><table class=\"grid sign\">");
        for (String who : List.of("head", "cadre", "leader", "street")) {
            b.append("<tr><th class=\"label\">").append(escape(text("doc.handbook.signatures." + who)))
                    .append("</th><td class=\"blank\"></td><th class=\"label\">").append(escape(text("doc.handbook.date")))
                    .append("</th><td class=\"date\">").append(escape(text("doc.handbook.dateBlank"))).append("</td></tr>");
        }
        b.append("</table></div>");
    }

    private void confirmation(StringBuilder b, Contents c, Confirmation confirmation, Long attachmentId) {
        byte[] image = attachmentId == null ? null : c.images().get(attachmentId);
        b.append("<span>").append(escape(text("handbook.confirmation." + confirmation.name()))).append("</span>");
        if (image != null) {
            b.append("<br/><img class=\"signature\" src=\"").append(dataUri("image/jpeg", image)).append("\"/>");
        }
        b.append("<br/>");
    }

    private void visitLine(StringBuilder b, String key, String value) {
        if (value != null) {
            b.append("<tr><th class=\"label\">").append(escape(text(key))).append("</th><td colspan=\"3\" class=\"text\">")
                    .append(escape(value)).append("</td></tr>");
        }
    }

    /** Opens a numbered section, closing the one before: a section is kept on one page where it fits on one. */
    private void section(StringBuilder b, int number, String name) {
        b.append(number > 1 ? "</div>" : "").append("<div class=\"section\"><h2>").append(escape(text("doc.handbook.number." + number) + "、" + text("doc.handbook.section." + name)))
                .append("</h2>");
    }

    /** A small table's head row, each column given its share of the width in percent. */
    private void header(StringBuilder b, List<String> keys, int... widths) {
        b.append("<table class=\"grid small\"><tr>");
        for (int i = 0; i < keys.size(); i++) {
            b.append("<th style=\"width: ").append(widths[i]).append("%\">").append(escape(text(keys.get(i))))
                    .append("</th>");
        }
        b.append("</tr>");
    }

    private static void coverRow(StringBuilder b, String label, String value) {
        b.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(dash(value))).append("</td></tr>");
    }

    /** Label–value pairs, two to a row. */
    private static void table(StringBuilder b, List<List<String>> rows, boolean labels) {
        b.append("<table class=\"grid\">");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                b.append(labels && i % 2 == 0 ? "<th class=\"label\">" + escape(row.get(i)) + "</th>" : td(row.get(i)));
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }

    private static List<String> row(String... cells) {
        return java.util.Arrays.asList(cells);
    }

    private void empty(StringBuilder b, boolean none, int columns) {
        if (none) {
            b.append("<tr><td colspan=\"").append(columns).append("\" class=\"none\">")
                    .append(escape(text("doc.handbook.none"))).append("</td></tr>");
        }
    }

    private static String td(String value) {
        return "<td>" + escape(dash(value)) + "</td>";
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private String code(String list, String code) {
        return code == null ? null : codes.label(list, code, CHINESE);
    }

    private String yes(boolean value) {
        return text(value ? "doc.handbook.yes" : "doc.handbook.no");
    }

    private static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String dataUri(String type, byte[] content) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(content);
    }

    /** Text for inside a CSS string in the XHTML's style element. */
    private static String css(String text) {
        return escape(text.replace("\\", "").replace("\"", ""));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }

    private String style(HouseholdFile f) {
        return """
                @page { size: A4; margin: 20mm 18mm 22mm 18mm;
                  @bottom-left { content: "%s"; font-family: '%s'; font-size: 8pt; color: #555; }
                  @bottom-right { content: "%s"; font-family: '%s'; font-size: 8pt; color: #555; } }
                @page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
                body { font-family: '%s'; font-size: 10.5pt; line-height: 1.6; color: #000; }
                .cover { page-break-after: always; text-align: center; border: 2pt solid #a0001e;
                  padding: 12mm 14mm; height: 226mm; }
                .cover .year { font-size: 14pt; letter-spacing: 2pt; margin: 6mm 0 0 0; }
                .cover h1 { font-size: 40pt; letter-spacing: 16pt; color: #a0001e; margin: 10mm 0 3mm 0; font-weight: bold; }
                .cover .subtitle { font-size: 13pt; letter-spacing: 2pt; margin: 0 0 12mm 0; }
                table.cover-facts { width: 70%%; margin: 0 auto; border-collapse: collapse; }
                table.cover-facts th { width: 35%%; text-align: justify; font-size: 14pt; padding: 2.5mm 2mm; font-weight: bold; }
                table.cover-facts td { font-size: 14pt; padding: 2.5mm 2mm; border-bottom: 0.8pt solid #000; text-align: left; }
                .issuer { font-size: 14pt; margin: 10mm 0 0 0; line-height: 1.9; }
                .qr { margin: 8mm 0 0 0; font-size: 9pt; color: #333; }
                .qr p { margin: 1mm 0 0 0; }
                .section { page-break-inside: avoid; }
                h2 { font-size: 14pt; font-weight: bold; margin: 6mm 0 3mm 0; padding: 0 0 1mm 0;
                  border-bottom: 1.2pt solid #a0001e; page-break-after: avoid; }
                table.grid { width: 100%%; border-collapse: collapse; margin: 0 0 4mm 0; page-break-inside: auto; }
                table.grid th, table.grid td { border: 0.6pt solid #000; padding: 1.5mm 2mm; vertical-align: top; }
                table.grid th { background: #f3f3f3; font-weight: bold; text-align: center; }
                table.grid th.label { width: 18%%; }
                table.grid tr { page-break-inside: avoid; }
                table.small { font-size: 9pt; }
                table.visit { margin-bottom: 6mm; }
                td.text { text-align: left; }
                td.none, p.none { text-align: center; color: #666; }
                .note { font-size: 8.5pt; color: #555; margin: 0 0 3mm 0; }
                .meta { font-size: 8.5pt; color: #555; }
                img.photo { width: 52mm; margin: 1mm 2mm 1mm 0; }
                img.signature { height: 16mm; }
                .signatures { page-break-before: always; }
                .signatures p { text-indent: 2em; }
                table.sign th.label { width: 26%%; }
                table.sign td.blank { height: 22mm; width: 36%%; }
                table.sign td.date { width: 24%%; text-align: center; vertical-align: middle; }
                table.sign th { vertical-align: middle; }
                """.formatted(css(text("doc.handbook.footer", f.headName(), f.fileNo())), PdfDocuments.FONT_FAMILY,
                text("doc.handbook.pageOf", "\" counter(page) \"", "\" counter(pages) \""), PdfDocuments.FONT_FAMILY,
                PdfDocuments.FONT_FAMILY);
    }
}
