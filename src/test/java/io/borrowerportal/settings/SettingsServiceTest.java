package io.borrowerportal.settings;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The settings editor's service on the shared test database: every rule, each problem on its field with nothing
 * saved, the change list and its audit, admins only, conflicts (one after the other and at once), and the time zone
 * reaching the business clock. Each test puts the settings back as they were.
 */
class SettingsServiceTest extends ServiceTest {

    static final String ADMIN = "admin@example.com";

    @Autowired
    SettingsService settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private SettingsDraft original;

    @BeforeEach
    void readTheSettingsAsTheyAre() {
        SignIn.as(users, ADMIN);
        original = settings.draft();
    }

    @AfterEach
    void putTheSettingsBack() {
        SignIn.as(users, ADMIN);
        SettingsDraft restore = original.copy();
        restore.setVersion(settings.draft().getVersion());
        settings.save(restore);
        assertThat(settings.changes(original)).isEmpty();
    }

    private SettingsDraft draftWith(Consumer<SettingsDraft> edit) {
        SettingsDraft draft = settings.draft();
        edit.accept(draft);
        return draft;
    }

    private long savedVersion() {
        return jdbc.queryForObject("select version from lender_settings where id = 1", Long.class);
    }

    // ---- reading ----

    @Test
    void the_draft_is_the_saved_settings_at_their_version_and_passes_every_check() {
        SettingsDraft draft = settings.draft();

        assertThat(draft.getVersion()).isEqualTo(savedVersion());
        assertThat(draft.getLenderName()).isEqualTo(settings.current().lenderName());
        assertThat(draft.getSummaryFields()).isEqualTo(settings.current().summaryFields());
        assertThat(draft.getTimeZone()).isEqualTo("America/New_York");
        assertThat(draft.getMinimumPayment()).isEqualByComparingTo(settings.payments().minimumAmount());
        assertThat(draft.getAutopayFrequencies()).isEqualTo(settings.autopay().frequencies());
        assertThat(settings.check(draft)).isEmpty();
        assertThat(settings.changes(draft)).isEmpty();
    }

    @Test
    void staff_may_read_and_check_the_settings_but_not_save_them() {
        SignIn.as(users, "staff@example.com");
        SettingsDraft draft = settings.draft();
        draft.setMinimumPayment(new BigDecimal("1.00"));
        assertThat(settings.check(draft)).isEmpty();
        long before = savedVersion();

        assertThatThrownBy(() -> settings.save(draft)).isInstanceOf(AccessDeniedException.class);

        assertThat(savedVersion()).isEqualTo(before);
        assertThat(settings.payments().minimumAmount()).isEqualByComparingTo(original.getMinimumPayment());
    }

    @Test
    void a_customer_may_not_even_read_the_draft() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> settings.draft()).isInstanceOf(AccessDeniedException.class);
    }

    // ---- bad input: each problem on its field, nothing saved ----

    @Test
    void the_issues_bad_input_is_each_refused_on_its_field_and_nothing_is_saved() throws IOException {
        assertRefused(d -> {
            d.setCardFeeKind(FeeRule.Kind.FLAT);
            d.setCardFeeValue(new BigDecimal("-1.00"));
        }, SettingField.CARD_FEE, "cannot be negative");
        assertRefused(d -> {
            d.setBankFeeKind(FeeRule.Kind.PERCENT);
            d.setBankFeeValue(new BigDecimal("150"));
        }, SettingField.BANK_FEE, "above 100%");
        assertRefused(d -> {
            d.setMinimumPayment(new BigDecimal("100.00"));
            d.setMaximumPayment(new BigDecimal("50.00"));
        }, SettingField.MAXIMUM_PAYMENT, "cannot be below the minimum ($100.00)");
        assertRefused(d -> d.setCutoffTime(null), SettingField.CUTOFF_TIME, "Enter a time between 00:00 and 23:59");
        assertRefused(d -> d.setTimeZone("Mars/Olympus_Mons"), SettingField.TIME_ZONE, "is not a time zone");
        assertRefused(d -> d.setPrimaryColor("#ffd700"), SettingField.PRIMARY_COLOR, "contrast of 1.4:1");
        byte[] fiveMegabytes = new byte[5 * 1024 * 1024];
        System.arraycopy(png(10, 10), 0, fiveMegabytes, 0, 8);
        assertRefused(d -> d.setLogo(fiveMegabytes), SettingField.LOGO, "The logo is 5 MB; it can be at most 1 MB");
        assertRefused(d -> d.setLogo(svg("<script>alert(1)</script>")), SettingField.LOGO, "<script>");
    }

    @Test
    void every_other_rule_is_refused_on_its_field() {
        assertRefused(d -> d.setLenderName("  "), SettingField.LENDER_NAME, "Enter the lender name");
        assertRefused(d -> d.setSupportPhone("call us"), SettingField.SUPPORT_PHONE, "Enter a phone number");
        assertRefused(d -> d.setSupportPhone("12345"), SettingField.SUPPORT_PHONE, "Enter a phone number");
        assertRefused(d -> d.setSupportEmail("support@"), SettingField.SUPPORT_EMAIL, "Enter an email address");
        assertRefused(d -> d.setPrimaryColor("#1f5fa"), SettingField.PRIMARY_COLOR, "#rrggbb");
        assertRefused(d -> d.setTimeZone(""), SettingField.TIME_ZONE, "Choose a time zone");
        assertRefused(d -> d.setMinimumPayment(BigDecimal.ZERO), SettingField.MINIMUM_PAYMENT, "more than $0.00");
        assertRefused(d -> d.setMinimumPayment(new BigDecimal("5.001")), SettingField.MINIMUM_PAYMENT, "whole cents");
        assertRefused(d -> d.setMaxDaysAhead(366), SettingField.MAX_DAYS_AHEAD, "0 to 365 days");
        assertRefused(d -> d.setMaxDaysAhead(-1), SettingField.MAX_DAYS_AHEAD, "0 to 365 days");
        assertRefused(d -> {
            d.setCardFeeKind(FeeRule.Kind.PERCENT);
            d.setCardFeeValue(new BigDecimal("10.5"));
        }, SettingField.CARD_FEE, "at most 10%");
        assertRefused(d -> {
            d.setCardFeeKind(FeeRule.Kind.FLAT);
            d.setCardFeeValue(new BigDecimal("2.505"));
        }, SettingField.CARD_FEE, "whole cents");
        assertRefused(d -> {
            d.setMinimumPayment(new BigDecimal("5.00"));
            d.setBankFeeKind(FeeRule.Kind.FLAT);
            d.setBankFeeValue(new BigDecimal("6.00"));
        }, SettingField.BANK_FEE, "more than the minimum payment ($5.00)");
        assertRefused(d -> d.setNsfFee(new BigDecimal("-25.00")), SettingField.NSF_FEE, "cannot be negative");
        assertRefused(d -> {
            d.setPaymentsEnabled(true);
            d.setCardAllowed(false);
            d.setBankAllowed(false);
        }, SettingField.CARD_PAYMENTS, "allow cards, bank accounts or both");
        assertRefused(d -> {
            d.setPaymentsEnabled(true);
            d.setPaymentTypes(EnumSet.noneOf(PaymentType.class));
        }, SettingField.PAYMENT_TYPES, "at least one payment type");
        assertRefused(d -> {
            d.setAutopayEnabled(true);
            d.setAutopayFrequencies(EnumSet.noneOf(AutoPayFrequency.class));
        }, SettingField.AUTOPAY_FREQUENCIES, "at least one frequency");
        assertRefused(d -> {
            d.setAutopayEnabled(true);
            d.setAutopayAmountTypes(EnumSet.noneOf(AutoPayAmountType.class));
        }, SettingField.AUTOPAY_AMOUNT_TYPES, "at least one amount type");
        assertRefused(d -> d.setAutopayMaxActive(11), SettingField.AUTOPAY_MAX_ACTIVE, "1 to 10");
        assertRefused(d -> d.setAutopayMaxActive(0), SettingField.AUTOPAY_MAX_ACTIVE, "1 to 10");
        assertRefused(d -> d.setAutopayRunTime(null), SettingField.AUTOPAY_RUN_TIME, "Enter a time");
        assertRefused(d -> d.setInsuranceWarnDays(181), SettingField.INSURANCE_WARN_DAYS, "0 and 180 days");
        assertRefused(d -> d.setSummaryFields(List.of()), SettingField.SUMMARY_FIELDS, "at least one");
        assertRefused(d -> d.setSummaryFields(List.of(SummaryField.AMOUNT_DUE, SummaryField.INTEREST_RATE,
                SummaryField.AMOUNT_DUE)), SettingField.SUMMARY_FIELDS, "Amount due is listed twice");
    }

    @Test
    void payments_and_autopay_switched_off_need_no_channel_type_or_frequency() {
        SettingsDraft draft = draftWith(d -> {
            d.setPaymentsEnabled(false);
            d.setCardAllowed(false);
            d.setBankAllowed(false);
            d.setPaymentTypes(EnumSet.noneOf(PaymentType.class));
            d.setAutopayEnabled(false);
            d.setAutopayFrequencies(EnumSet.noneOf(AutoPayFrequency.class));
            d.setAutopayAmountTypes(EnumSet.noneOf(AutoPayAmountType.class));
        });
        assertThat(settings.check(draft)).isEmpty();
    }

    @Test
    void a_draft_is_checked_as_a_whole_every_problem_at_once() {
        SettingsDraft draft = draftWith(d -> {
            d.setSupportEmail("nobody");
            d.setMinimumPayment(new BigDecimal("10.00"));
            d.setMaximumPayment(new BigDecimal("9.99"));
            d.setTimeZone("Europe/Atlantis");
            d.setInsuranceWarnDays(-1);
        });

        assertThat(settings.check(draft)).extracting(SettingsProblem::field).containsExactly(SettingField.SUPPORT_EMAIL,
                SettingField.TIME_ZONE, SettingField.MAXIMUM_PAYMENT, SettingField.INSURANCE_WARN_DAYS);
        assertThatThrownBy(() -> settings.save(draft)).isInstanceOfSatisfying(SettingsRejectedException.class,
                refused -> assertThat(refused.problems()).hasSize(4));
    }

    @Test
    void an_svg_that_could_run_or_fetch_anything_is_refused() throws IOException {
        assertRefused(d -> d.setLogo(svg("<rect onload=\"alert(1)\" width=\"4\" height=\"4\"/>")), SettingField.LOGO,
                "event handler");
        assertRefused(d -> d.setLogo(svg("<a href=\"javascript:alert(1)\"><rect width=\"4\" height=\"4\"/></a>")),
                SettingField.LOGO, "javascript: link");
        assertRefused(d -> d.setLogo(svg("<image xlink:href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>")),
                SettingField.LOGO, "data: link");
        assertRefused(d -> d.setLogo(svg("<image href=\"https://tracker.example/pixel.png\"/>")),
                SettingField.LOGO, "refers to something outside it");
        assertRefused(d -> d.setLogo(svg("<foreignObject><p>hi</p></foreignObject>")), SettingField.LOGO, "foreignObject");
        assertRefused(d -> d.setLogo(svg("<style>@import url(https://evil.example/x.css);</style>")), SettingField.LOGO,
                "loads something from elsewhere");
        assertRefused(d -> d.setLogo(svg("<rect style=\"fill:url(https://evil.example/p)\" width=\"4\" height=\"4\"/>")),
                SettingField.LOGO, "loads something from elsewhere");
        // An external entity (XXE) never gets resolved: a DOCTYPE is refused outright.
        assertRefused(d -> d.setLogo(("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>").getBytes(StandardCharsets.UTF_8)),
                SettingField.LOGO, "DOCTYPE");
        assertRefused(d -> d.setLogo("GIF89a not a png".getBytes(StandardCharsets.US_ASCII)), SettingField.LOGO,
                "PNG or SVG");
        assertRefused(d -> d.setLogo("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)), SettingField.LOGO,
                "PNG or SVG");
        // The header is whole (the size is fine), the image data is cut off.
        byte[] truncated = java.util.Arrays.copyOf(png(10, 10), 40);
        assertRefused(d -> d.setLogo(truncated), SettingField.LOGO, "cannot be read");
    }

    @Test
    void an_svg_with_a_gradient_and_links_to_itself_is_accepted() {
        byte[] logo = svg("<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#123\"/></linearGradient></defs>"
                + "<rect width=\"10\" height=\"10\" style=\"fill:url(#g)\"/><use xlink:href=\"#g\"/>");
        assertThat(settings.check(draftWith(d -> d.setLogo(logo)))).isEmpty();
    }

    @Test
    void a_png_too_large_in_pixels_is_refused_before_it_is_decoded() throws IOException {
        byte[] wide = png(4100, 1);
        assertRefused(d -> d.setLogo(wide), SettingField.LOGO, "4100 × 1 pixels");
    }

    private void assertRefused(Consumer<SettingsDraft> edit, SettingField field, String message) {
        SettingsDraft draft = draftWith(edit);
        long version = savedVersion();

        assertThat(settings.check(draft)).as("problems of the draft").anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.message()).contains(message);
        });
        assertThatThrownBy(() -> settings.save(draft)).isInstanceOfSatisfying(SettingsRejectedException.class,
                refused -> assertThat(refused.problems()).extracting(SettingsProblem::field).contains(field));
        assertThat(savedVersion()).as("nothing saved").isEqualTo(version);
        assertThat(settings.changes(original)).as("the saved settings are unchanged").isEmpty();
    }

    // ---- changes, save and audit ----

    @Test
    void the_changes_are_worded_as_the_lender_reads_them() {
        SettingsDraft draft = draftWith(d -> {
            d.setMaximumPayment(new BigDecimal("1234.56"));
            d.setProfilesEnabled(!original.isProfilesEnabled());
            d.setPaymentTypes(EnumSet.of(PaymentType.CUSTOM, PaymentType.AMOUNT_DUE));
            d.setSummaryFields(List.of(SummaryField.NEXT_DUE_DATE, SummaryField.AMOUNT_DUE, SummaryField.PAYOFF_AMOUNT));
            d.setCardFeeKind(FeeRule.Kind.PERCENT);
            d.setCardFeeValue(new BigDecimal("2.50"));
            d.setCutoffTime(LocalTime.of(15, 30));
            d.setMinimumPayment(new BigDecimal("5"));
        });

        List<SettingChange> changes = settings.changes(draft);

        assertThat(changes).extracting(SettingChange::field, SettingChange::after).containsExactly(
                tuple(SettingField.CUTOFF_TIME, "15:30"),
                tuple(SettingField.PROFILES_SECTION, original.isProfilesEnabled() ? "Off" : "On"),
                tuple(SettingField.SUMMARY_FIELDS, "Next payment due date, Amount due, Payoff amount"),
                tuple(SettingField.PAYMENT_TYPES, "Amount due, Custom amount"),
                tuple(SettingField.MAXIMUM_PAYMENT, "$1,234.56"),
                tuple(SettingField.CARD_FEE, "2.5%"));
        assertThat(changes.getFirst().before()).isEqualTo("17:00");
        assertThat(changes.get(3).before()).isEqualTo("Amount due, Payoff, Principal only, Custom amount");
        assertThat(changes.get(4).before()).isEqualTo("$25,000.00");
        assertThat(changes.get(5).before()).isEqualTo("No fee");
    }

    @Test
    void a_save_changes_the_settings_everywhere_and_audits_each_changed_field_with_the_admin() {
        long auditBefore = auditCount();
        SettingsDraft draft = draftWith(d -> {
            d.setMinimumPayment(new BigDecimal("1.00"));
            d.setShowForecast(!original.isShowForecast());
            d.setSummaryFields(List.of(SummaryField.INTEREST_RATE, SummaryField.AMOUNT_DUE));
        });

        SettingsSaved saved = settings.save(draft);

        assertThat(saved.version()).isEqualTo(draft.getVersion() + 1).isEqualTo(savedVersion());
        assertThat(saved.changes()).extracting(SettingChange::field).containsExactly(SettingField.SUMMARY_FIELDS,
                SettingField.MINIMUM_PAYMENT, SettingField.SHOW_FORECAST);
        assertThat(settings.payments().minimumAmount()).isEqualByComparingTo("1.00");
        assertThat(settings.current().showForecast()).isEqualTo(!original.isShowForecast());
        assertThat(settings.current().summaryFields()).containsExactly(SummaryField.INTEREST_RATE, SummaryField.AMOUNT_DUE);
        assertThat(jdbc.queryForObject("select updated_by from lender_settings where id = 1", String.class)).isEqualTo(ADMIN);

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select actor, actor_role, detail from audit_events where action = 'SETTINGS_CHANGED' and id > ?
                order by id""", auditBefore);
        assertThat(rows).extracting(r -> r.get("actor"), r -> r.get("actor_role"), r -> r.get("detail")).containsExactly(
                tuple(ADMIN, "ADMIN", "Summary fields: " + labels(original.getSummaryFields()) + " → Interest rate, Amount due"),
                tuple(ADMIN, "ADMIN", "Minimum payment: $5.00 → $1.00"),
                tuple(ADMIN, "ADMIN", "Payment forecast: " + (original.isShowForecast() ? "On → Off" : "Off → On")));
    }

    @Test
    void saving_a_draft_without_changes_writes_nothing() {
        long auditBefore = auditCount();
        SettingsSaved saved = settings.save(settings.draft());

        assertThat(saved.changes()).isEmpty();
        assertThat(saved.version()).isEqualTo(savedVersion()).isEqualTo(original.getVersion());
        assertThat(auditCount()).isEqualTo(auditBefore);
    }

    @Test
    void a_logo_is_kept_served_and_removed_and_each_is_a_change() throws IOException {
        byte[] png = png(120, 40);
        String version = LogoFile.version(LogoFile.sha256(png));

        SettingsSaved added = settings.save(draftWith(d -> d.setLogo(png)));

        assertThat(added.changes()).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo(SettingField.LOGO);
            assertThat(change.before()).isEqualTo("None");
            assertThat(change.after()).isEqualTo("added (" + version + ")");
        });
        assertThat(settings.current().logoPath()).isEqualTo("branding/logo?v=" + version);
        assertThat(settings.logo()).hasValueSatisfying(logo -> {
            assertThat(logo.content()).isEqualTo(png);
            assertThat(logo.contentType()).isEqualTo("image/png");
        });
        assertThat(settings.draft().getLogo()).isEqualTo(png);

        byte[] other = svg("<rect width=\"10\" height=\"10\" fill=\"#1f5fa8\"/>");
        SettingsSaved replaced = settings.save(draftWith(d -> d.setLogo(other)));
        assertThat(replaced.changes()).singleElement().extracting(SettingChange::after)
                .isEqualTo("replaced (" + LogoFile.version(LogoFile.sha256(other)) + ")");
        assertThat(settings.logo()).hasValueSatisfying(logo -> assertThat(logo.svg()).isTrue());
        assertThat(jdbc.queryForObject("select count(*) from lender_logos", Integer.class)).isEqualTo(1);

        SettingsSaved removed = settings.save(draftWith(d -> d.setLogo(null)));
        assertThat(removed.changes()).singleElement().extracting(SettingChange::after).isEqualTo("removed");
        assertThat(settings.logo()).isEmpty();
        assertThat(settings.current().hasLogo()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from lender_logos", Integer.class)).isZero();
    }

    // ---- conflicts ----

    @Test
    void a_draft_read_before_someone_elses_save_is_refused_and_told_what_they_changed() {
        SettingsDraft mine = settings.draft();
        SettingsDraft theirs = settings.draft();
        theirs.setMinimumPayment(new BigDecimal("2.00"));
        theirs.setDocumentsEnabled(!original.isDocumentsEnabled());
        SettingsSaved first = settings.save(theirs);
        long auditAfterFirst = auditCount();

        mine.setNsfFee(new BigDecimal("30.00"));

        assertThatThrownBy(() -> settings.save(mine)).isInstanceOfSatisfying(SettingsConflictException.class, conflict -> {
            assertThat(conflict.theirChanges()).extracting(SettingChange::field, SettingChange::after).containsExactly(
                    tuple(SettingField.DOCUMENTS_SECTION, original.isDocumentsEnabled() ? "Off" : "On"),
                    tuple(SettingField.MINIMUM_PAYMENT, "$2.00"));
            assertThat(conflict.changedBy()).isEqualTo(ADMIN);
            assertThat(conflict.changedAt()).isNotNull();
            assertThat(conflict.currentVersion()).isEqualTo(first.version());
        });
        assertThat(settings.payments().nsfFee()).isEqualByComparingTo(original.getNsfFee());
        assertThat(savedVersion()).isEqualTo(first.version());
        assertThat(auditCount()).isEqualTo(auditAfterFirst);
    }

    @Test
    void two_admins_saving_the_same_version_at_once_exactly_one_wins() throws Exception {
        SettingsDraft one = draftWith(d -> d.setMinimumPayment(new BigDecimal("3.00")));
        SettingsDraft two = draftWith(d -> d.setMaximumPayment(new BigDecimal("20000.00")));
        var securityContext = SecurityContextHolder.getContext();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<SettingsSaved>> results = new ArrayList<>();
        try {
            for (SettingsDraft draft : List.of(one, two)) {
                Callable<SettingsSaved> save = () -> {
                    SecurityContextHolder.setContext(securityContext);
                    try {
                        together.await(10, TimeUnit.SECONDS);
                        return settings.save(draft);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                };
                results.add(threads.submit(save));
            }
            int won = 0;
            List<Throwable> lost = new ArrayList<>();
            for (Future<SettingsSaved> result : results) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                    won++;
                } catch (ExecutionException e) {
                    lost.add(e.getCause());
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(lost).singleElement().isInstanceOfSatisfying(SettingsConflictException.class,
                    conflict -> assertThat(conflict.theirChanges()).isNotEmpty());
            assertThat(savedVersion()).isEqualTo(one.getVersion() + 1);
        } finally {
            threads.shutdownNow();
        }
        boolean minimumWon = settings.payments().minimumAmount().compareTo(new BigDecimal("3.00")) == 0;
        boolean maximumWon = settings.payments().maximumAmount().compareTo(new BigDecimal("20000.00")) == 0;
        assertThat(minimumWon).isNotEqualTo(maximumWon);
    }

    // ---- the time zone ----

    @Test
    void the_business_clock_follows_the_time_zone_setting() {
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(clock.getZone()).isEqualTo(newYork);
        LocalDate today = LocalDate.now(clock);

        settings.save(draftWith(d -> d.setTimeZone("America/Los_Angeles")));

        assertThat(clock.getZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(settings.current().timeZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        // The test clock stands at 09:00 in New York: 06:00 the same day in Los Angeles.
        assertThat(LocalDate.now(clock)).isEqualTo(today);

        settings.save(draftWith(d -> d.setTimeZone("America/New_York")));
        assertThat(clock.getZone()).isEqualTo(newYork);
    }

    // ---- helpers ----

    private long auditCount() {
        Long max = jdbc.queryForObject("select coalesce(max(id), 0) from audit_events", Long.class);
        return max == null ? 0 : max;
    }

    private static String labels(List<SummaryField> fields) {
        return String.join(", ", fields.stream().map(SummaryField::label).toList());
    }

    static byte[] svg(String body) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "viewBox=\"0 0 10 10\">" + body + "</svg>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
