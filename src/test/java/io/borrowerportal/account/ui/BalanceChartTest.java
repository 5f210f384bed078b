package io.borrowerportal.account.ui;

import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.HistoryRow;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class BalanceChartTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @Test
    void history_and_forecast_give_well_formed_svg_with_a_solid_and_a_dashed_line() throws Exception {
        String svg = BalanceChart.svg(history(), forecast(), Locale.US);

        Document document = parse(svg);
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 720 300");
        assertThat(root.getAttribute("width")).isEqualTo("100%");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(classes(document, "polyline")).contains("chart-actual", "chart-forecast");
        assertThat(svg).contains("stroke-dasharray", ">Actual<", ">Forecast<");
    }

    @Test
    void the_title_names_the_start_balance_and_the_projected_payoff() throws Exception {
        Document document = parse(BalanceChart.svg(history(), forecast(), Locale.US));

        String title = document.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent();
        assertThat(title).isEqualTo(
                "Principal balance from $12,000.00 on January 2, 2024 to $0.00 projected on June 1, 2026");
    }

    @Test
    void the_last_row_on_a_date_gives_that_dates_balance() throws Exception {
        LocalDate day = LocalDate.of(2024, 1, 2);
        List<HistoryRow> rows = List.of(
                row(1, EntryType.DISBURSEMENT, day, "12000.00"),
                row(2, EntryType.PAYMENT, day.plusMonths(1), "11000.00"),
                row(3, EntryType.REVERSAL, day.plusMonths(1), "12000.00"));

        Document document = parse(BalanceChart.svg(rows, List.of(), Locale.US));

        String description = document.getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent();
        assertThat(description).contains("2 dates", "ending at $12,000.00 on February 2, 2024");
    }

    @Test
    void the_y_axis_has_round_money_ticks() {
        String svg = BalanceChart.svg(history(), forecast(), Locale.US);

        assertThat(svg).contains(">$0<", ">$5k<", ">$10k<", ">$15k<");
    }

    @Test
    void a_paid_off_loan_has_no_forecast_line_and_still_parses() throws Exception {
        String svg = BalanceChart.svg(history(), List.of(), Locale.US);

        Document document = parse(svg);
        assertThat(classes(document, "polyline")).containsExactly("chart-actual");
        assertThat(svg).doesNotContain("Forecast");
    }

    @Test
    void no_history_gives_a_valid_svg_that_says_so() throws Exception {
        for (String svg : List.of(BalanceChart.svg(List.of(), List.of(), Locale.US),
                BalanceChart.svg(List.of(), forecast(), Locale.US))) {
            Document document = parse(svg);
            assertThat(document.getDocumentElement().getTextContent()).contains("No balance history yet");
            assertThat(document.getElementsByTagNameNS(SVG_NS, "polyline").getLength()).isZero();
        }
    }

    @Test
    void short_spans_label_months_and_long_spans_label_years() {
        List<HistoryRow> shortHistory = List.of(row(1, EntryType.DISBURSEMENT, LocalDate.of(2025, 1, 15), "1000.00"),
                row(2, EntryType.PAYMENT, LocalDate.of(2025, 4, 15), "700.00"));

        assertThat(BalanceChart.svg(shortHistory, List.of(), Locale.US)).contains(">Feb 2025<", ">Apr 2025<");
        assertThat(BalanceChart.svg(history(), forecast(), Locale.US)).contains(">2025<", ">2026<")
                .doesNotContain("Feb 2025");
    }

    @Test
    void steps_a_reader_can_see_keep_every_corner() throws Exception {
        // 24 payments of 350.00 on a 15k axis: each step is over 5 units of the 300-unit box high.
        Document document = parse(BalanceChart.svg(history(), forecast(), Locale.US));

        assertThat(points(document, "chart-actual")).hasSize(1 + 2 * 24);
        // The forecast's four equal payments lie on one straight line from the last actual point to zero.
        List<BalanceChart.Point> forecast = points(document, "chart-forecast");
        assertThat(forecast.getFirst()).isEqualTo(points(document, "chart-actual").getLast());
        assertThat(forecast.getLast().y()).isEqualByComparingTo("266.0");
    }

    @Test
    void a_thirty_year_loan_is_drawn_with_a_few_points_that_pass_within_half_a_unit_of_every_one() throws Exception {
        List<HistoryRow> history = new ArrayList<>();
        List<Installment> forecast = new ArrayList<>();
        thirtyYearsTenIn(history, forecast);

        String svg = BalanceChart.svg(history, forecast, Locale.US);

        Document document = parse(svg);
        List<BalanceChart.Point> actual = points(document, "chart-actual");
        List<BalanceChart.Point> projected = points(document, "chart-forecast");
        System.out.printf("[chart] 30-year loan, 120 payments in: %d + %d points, %d characters%n",
                actual.size(), projected.size(), svg.length());
        assertThat(actual.size()).as("of 241 step points").isLessThan(40);
        assertThat(projected.size()).as("of 241 forecast points").isLessThan(40);
        assertThat(svg.length()).as("the SVG was 9.4 KB drawn point by point").isLessThan(4_500);
        assertThat(actual.getFirst().x()).isEqualByComparingTo("64.0");
        assertThat(projected.getLast().x()).isEqualByComparingTo("692.0");
        assertThat(projected.getLast().y()).isEqualByComparingTo("266.0");
    }

    @Test
    void every_point_left_out_is_within_the_tolerance_of_the_line_drawn() {
        // A step line with steps of every size, then a curve: what the chart draws for a long loan, in view units.
        List<BalanceChart.Point> points = new ArrayList<>();
        double y = 40;
        for (int i = 0; i < 300; i++) {
            double x = 64 + i * 2.1;
            points.add(point(x, y));
            y += (i % 50 == 0) ? 7 : 0.02 * (i % 7) + Math.sin(i / 9.0) * 0.3;
            points.add(point(x, y));
        }

        List<BalanceChart.Point> kept = BalanceChart.simplify(points, BalanceChart.TOLERANCE);

        assertThat(kept.size()).isLessThan(points.size() / 4);
        assertThat(kept.getFirst()).isEqualTo(points.getFirst());
        assertThat(kept.getLast()).isEqualTo(points.getLast());
        assertThat(points).containsAll(kept);
        for (BalanceChart.Point point : points) {
            double nearest = Double.MAX_VALUE;
            for (int i = 1; i < kept.size(); i++) {
                BalanceChart.Point a = kept.get(i - 1);
                BalanceChart.Point b = kept.get(i);
                nearest = Math.min(nearest, BalanceChart.distanceToSegment(point.x().doubleValue(), point.y().doubleValue(),
                        a.x().doubleValue(), a.y().doubleValue(), b.x().doubleValue(), b.y().doubleValue()));
            }
            assertThat(nearest).as("distance of %s from the line drawn", point).isLessThanOrEqualTo(BalanceChart.TOLERANCE);
        }
    }

    @Test
    void two_points_or_fewer_are_drawn_as_they_are() {
        List<BalanceChart.Point> two = List.of(point(64, 40), point(692, 266));

        assertThat(BalanceChart.simplify(two, BalanceChart.TOLERANCE)).isEqualTo(two);
        assertThat(BalanceChart.distanceToSegment(0, 5, -3, 0, 3, 0)).isEqualTo(5.0);
        assertThat(BalanceChart.distanceToSegment(7, 4, 0, 0, 4, 0)).isEqualTo(5.0);
    }

    @Test
    void xml_special_characters_are_escaped() {
        assertThat(BalanceChart.escape("<a href=\"x\">R&D's</a>\u0001"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;R&amp;D&apos;s&lt;/a&gt;");
    }

    private static List<HistoryRow> history() {
        List<HistoryRow> rows = new ArrayList<>();
        rows.add(row(1, EntryType.DISBURSEMENT, LocalDate.of(2024, 1, 2), "12000.00"));
        BigDecimal balance = new BigDecimal("12000.00");
        for (int month = 1; month <= 24; month++) {
            balance = balance.subtract(new BigDecimal("350.00"));
            rows.add(row(month + 1, EntryType.PAYMENT, LocalDate.of(2024, 1, 2).plusMonths(month), balance.toPlainString()));
        }
        return rows;
    }

    private static List<Installment> forecast() {
        // 3,600.00 left after 24 payments of 350.00, paid off in four more.
        List<Installment> rows = new ArrayList<>();
        BigDecimal balance = new BigDecimal("3600.00");
        for (int i = 0; i < 4; i++) {
            balance = balance.subtract(new BigDecimal("900.00"));
            rows.add(new Installment(i + 1, LocalDate.of(2026, 3, 1).plusMonths(i), new BigDecimal("920.00"),
                    new BigDecimal("900.00"), new BigDecimal("20.00"), new BigDecimal("0.00"), balance));
        }
        return rows;
    }

    /** A 250,000.00 loan at 6.5 % over 360 months, 120 payments in: its history and the 240 payments left. */
    private static void thirtyYearsTenIn(List<HistoryRow> history, List<Installment> forecast) {
        LocalDate start = LocalDate.of(2016, 12, 5);
        BigDecimal monthlyRate = new BigDecimal("0.065").divide(BigDecimal.valueOf(12), java.math.MathContext.DECIMAL64);
        BigDecimal payment = new BigDecimal("1580.17");
        BigDecimal balance = new BigDecimal("250000.00");
        history.add(row(1, EntryType.DISBURSEMENT, start, balance.toPlainString()));
        for (int month = 1; month <= 360; month++) {
            BigDecimal interest = balance.multiply(monthlyRate).setScale(2, java.math.RoundingMode.HALF_EVEN);
            BigDecimal principal = month == 360 ? balance : payment.subtract(interest).min(balance);
            balance = balance.subtract(principal);
            LocalDate due = start.plusMonths(month);
            if (month <= 120) {
                history.add(row(month + 1, EntryType.PAYMENT, due, balance.toPlainString()));
            } else {
                forecast.add(new Installment(month, due, principal.add(interest), principal, interest, BigDecimal.ZERO,
                        balance));
            }
        }
    }

    private static BalanceChart.Point point(double x, double y) {
        return new BalanceChart.Point(BigDecimal.valueOf(x).setScale(1, java.math.RoundingMode.HALF_UP),
                BigDecimal.valueOf(y).setScale(1, java.math.RoundingMode.HALF_UP));
    }

    /** The points of the polyline with the given class, as written. */
    private static List<BalanceChart.Point> points(Document document, String polylineClass) {
        NodeList nodes = document.getElementsByTagNameNS(SVG_NS, "polyline");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element line = (Element) nodes.item(i);
            if (line.getAttribute("class").equals(polylineClass)) {
                List<BalanceChart.Point> points = new ArrayList<>();
                for (String pair : line.getAttribute("points").trim().split(" ")) {
                    String[] xy = pair.split(",");
                    points.add(new BalanceChart.Point(new BigDecimal(xy[0]), new BigDecimal(xy[1])));
                }
                return points;
            }
        }
        throw new AssertionError("no polyline " + polylineClass);
    }

    private static HistoryRow row(long id, EntryType type, LocalDate date, String balanceAfter) {
        LedgerEntry entry = new LedgerEntry(id, type, date, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null, type.name());
        return new HistoryRow(entry, new BigDecimal(balanceAfter), false);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> classes(Document document, String element) {
        NodeList nodes = document.getElementsByTagNameNS(SVG_NS, element);
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            classes.add(((Element) nodes.item(i)).getAttribute("class"));
        }
        return classes;
    }
}
