package org.bangfu.pairing;

import static org.bangfu.shared.PdfDocuments.escape;

import java.time.LocalDate;
import java.util.Locale;

import org.bangfu.household.CodeLists;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The notice to post and the letter to the applicant, as XHTML (for the browser) and PDF (for printing).
 * Official documents are in Chinese whatever the reader's language. A notice shows what the public may know
 * (head of household, village, household size, cause, kind of assistance, the period, where to object) and
 * nothing else: no ID number, phone, bank account or health details.
 */
@Component
class PrintedDocuments {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String STYLE = """
            @page { size: A4; margin: 25mm 22mm; }
            body { font-family: '%s'; font-size: 12pt; line-height: 1.7; color: #000; }
            h1 { font-size: 20pt; font-weight: bold; text-align: center; margin: 0 0 6mm 0; letter-spacing: 4pt; }
            p { margin: 0 0 3mm 0; text-indent: 2em; }
            table { width: 100%%; border-collapse: collapse; margin: 4mm 0 6mm 0; }
            th, td { border: 0.6pt solid #000; padding: 2mm 3mm; text-align: center; }
            th { font-weight: bold; }
            .sign { text-align: right; margin-top: 14mm; text-indent: 0; }
            .meta { color: #444; font-size: 9pt; text-indent: 0; margin-top: 10mm; }
            """.formatted(PdfDocuments.FONT_FAMILY);

    private final MessageSource messages;
    private final CodeLists codes;
    private final PdfDocuments pdf;

    PrintedDocuments(MessageSource messages, CodeLists codes, PdfDocuments pdf) {
        this.messages = messages;
        this.codes = codes;
        this.pdf = pdf;
    }

    String noticeXhtml(Notice notice) {
        String issuer = notice.level() == Notice.Level.VILLAGE ? text("doc.notice.issuer.VILLAGE", notice.villageName())
                : text("doc.notice.issuer.STREET", notice.streetName());
        String period = notice.postedOn() == null ? text("doc.notice.period.fromPosting", notice.periodDays())
                : text("doc.notice.period", date(notice.postedOn()), date(notice.periodEnd()), notice.periodDays());
        String cause = notice.mainCause() == null ? "—" : codes.label(CodeLists.CAUSE, notice.mainCause(), CHINESE);
        // an exit notice has its own title and introduction: doc.notice.title.EXIT.VILLAGE
        String kind = (notice.purpose() == Notice.Purpose.EXIT ? "EXIT." : "") + notice.level();
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(escape(text("doc.notice.title." + kind))).append("</h1>");
        body.append("<p>").append(escape(text("doc.notice.intro." + kind))).append("</p>");
        body.append("<table><tr>");
        for (String column : new String[] { "head", "village", "size", "cause", "kind" }) {
            body.append("<th>").append(escape(text("doc.notice.column." + column))).append("</th>");
        }
        body.append("</tr><tr>")
                .append(cell(notice.headName()))
                .append(cell(notice.streetName() + " " + notice.villageName()))
                .append(cell(text("doc.notice.persons", notice.householdSize())))
                .append(cell(cause))
                .append(cell(messages.getMessage("attribute." + notice.attribute(), null, CHINESE)))
                .append("</tr></table>");
        body.append("<p>").append(escape(period)).append("</p>");
        body.append("<p>").append(escape(text("doc.notice.objection", notice.objectionOffice(), notice.objectionPhone())))
                .append("</p>");
        if (notice.postedPlace() != null) {
            body.append("<p>").append(escape(text("doc.notice.place", notice.postedPlace()))).append("</p>");
        }
        body.append("<p class=\"sign\">").append(escape(issuer)).append("<br/>")
                .append(escape(date(notice.postedOn() == null ? BureauTime.dateOf(notice.createdAt()) : notice.postedOn())))
                .append("</p>");
        body.append("<p class=\"meta\">").append(escape(text("doc.notice.reference", String.valueOf(notice.id()), notice.round())))
                .append("</p>");
        return page(text("doc.notice.title." + kind), body.toString());
    }

    String letterXhtml(Letter letter, String headName, String streetName) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(escape(text("doc.letter.title"))).append("</h1>");
        body.append("<p style=\"text-indent:0\">").append(escape(text("doc.letter.salutation", headName))).append("</p>");
        String step = letter.stepKey().isEmpty() ? "" : messages.getMessage("task." + letter.stepKey(), null,
                letter.stepKey(), CHINESE);
        body.append("<p>").append(escape(text("doc.letter.body", step))).append("</p>");
        body.append("<p>").append(escape(text("doc.letter.reason", letter.reason()))).append("</p>");
        body.append("<p>").append(escape(text("doc.letter.remedy"))).append("</p>");
        body.append("<p class=\"sign\">").append(escape(text("doc.letter.issuer", streetName))).append("<br/>")
                .append(escape(date(BureauTime.dateOf(letter.createdAt())))).append("</p>");
        return page(text("doc.letter.title"), body.toString());
    }

    byte[] pdf(String xhtml) {
        return pdf.pdf(xhtml);
    }

    private static String page(String title, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">"
                + "<head><meta charset=\"UTF-8\"/><title>" + escape(title) + "</title><style>" + STYLE
                + "</style></head><body>" + body + "</body></html>";
    }

    private static String cell(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }

    private static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
