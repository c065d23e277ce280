package org.bangfu.funds;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.household.HouseholdNotFound;
import org.bangfu.household.InvalidInput;
import org.bangfu.household.InvalidInput.FieldError;
import org.bangfu.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A household's arranged funds and its ledger totals over REST. Amounts travel as strings of yuan with two decimals
 * ({@code "1200.50"}); errors answer in the caller's language.
 */
@RestController
class FundsApi {

    private final FundBudgets budgets;
    private final FundLedger ledger;
    private final MessageSource messages;

    FundsApi(FundBudgets budgets, FundLedger ledger, MessageSource messages) {
        this.budgets = budgets;
        this.ledger = ledger;
        this.messages = messages;
    }

    /** The arrangements as they stand: the newest version per year and programme. */
    @GetMapping("/api/households/{id}/funds/arrangements")
    List<Arrangement> arrangements(@PathVariable long id) {
        return budgets.current(id);
    }

    /** Every version of every arrangement, newest first. */
    @GetMapping("/api/households/{id}/funds/arrangements/history")
    List<Arrangement> history(@PathVariable long id) {
        return budgets.history(id);
    }

    /**
     * Arranges funds (the district): {@code {"year", "programme", "expectedVersion", "amount", "reason"}}, the
     * version being replaced named ({@code 0} for a first arrangement); another version meanwhile answers 409.
     */
    @PostMapping(path = "/api/households/{id}/funds/arrangements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Arrangement> arrange(@PathVariable long id, @RequestBody ArrangementDraft draft) {
        Money amount = null;
        if (draft.amount() != null) {
            var problem = Money.problem(draft.amount());
            if (problem.isPresent()) {
                throw new InvalidInput(List.of(new FieldError("amount", problem.get())));
            }
            amount = Money.parse(draft.amount());
        }
        int year = draft.year() == null ? LocalDate.now().getYear() : draft.year();
        Arrangement arranged = budgets.arrange(id, year, draft.programme(),
                draft.expectedVersion() == null ? 0 : draft.expectedVersion(), amount, draft.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(arranged);
    }

    /** The household's ledger totals of a year, by kind ({@code ARRANGED}, {@code PAID} …). */
    @GetMapping("/api/households/{id}/funds/totals")
    Map<FundLedger.Kind, Money> totals(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return ledger.totals(id, year == null ? LocalDate.now().getYear() : year).byKind();
    }

    record ArrangementDraft(Integer year, Programme programme, Integer expectedVersion, String amount, String reason) {
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e, Locale locale) {
        return e.toProblem(messages, locale);
    }

    @ExceptionHandler(HouseholdNotFound.class)
    ProblemDetail notFound(HouseholdNotFound e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("api.notFound", null, locale));
    }

    @ExceptionHandler(StaleArrangement.class)
    ProblemDetail stale(StaleArrangement e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("funds.arrangement.stale", null, locale));
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }
}
