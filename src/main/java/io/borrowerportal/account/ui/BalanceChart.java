package io.borrowerportal.account.ui;

import io.borrowerportal.ledger.HistoryRow;
import io.borrowerportal.ledger.Installment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The principal balance over time as a self-contained SVG: the actual balance from the ledger as a
 * solid step line, the forecast as a dashed line down to zero. Drawn on the server because a
 * JavaScript chart library would need a front-end bundle, which this project does not build (docs/decisions/001-modules-and-boundaries.md).
 *
 * <p>The SVG uses a 720x300 viewBox with width 100%, so it scales to any container. Colours come from
 * presentation attributes, which a stylesheet rule on the {@code chart-*} classes overrides; the chart
 * therefore looks right with no CSS and can still follow the theme.
 */
public final class BalanceChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 28;
    private static final int TOP = 40;
    private static final int BOTTOM = 34;
    private static final BigDecimal PLOT_WIDTH = BigDecimal.valueOf(WIDTH - LEFT - RIGHT);
    private static final BigDecimal PLOT_HEIGHT = BigDecimal.valueOf(HEIGHT - TOP - BOTTOM);
    private static final int MAX_X_LABELS = 8;

    private static final String ACTUAL_COLOUR = "#1565c0";
    private static final String FORECAST_COLOUR = "#5b8fd6";
    private static final String GRID_COLOUR = "#e3e6ea";
    private static final String AXIS_COLOUR = "#5f6b7a";

    private BalanceChart() {
    }

    /**
     * @param history  the transaction history, oldest first; the last row on a date gives that date's balance
     * @param forecast the remaining installments; empty once the loan is paid off
     * @param locale   the reader's locale for dates and number separators (amounts are always US dollars)
     */
    public static String svg(List<HistoryRow> history, List<Installment> forecast, Locale locale) {
        Locale readerLocale = locale == null ? Locale.US : locale;
        TreeMap<LocalDate, BigDecimal> actual = actualBalances(history);
        if (actual.isEmpty()) {
            // Without an actual balance there is nothing for a forecast to continue from.
            return emptyChart();
        }
        TreeMap<LocalDate, BigDecimal> projected = forecastBalances(forecast, actual.lastKey());
        return new Plot(actual, projected, readerLocale).render();
    }

    /** One point per date; rows on the same date apply in ledger order, so the last one wins. */
    private static TreeMap<LocalDate, BigDecimal> actualBalances(List<HistoryRow> history) {
        TreeMap<LocalDate, BigDecimal> points = new TreeMap<>();
        if (history == null) {
            return points;
        }
        for (HistoryRow row : history) {
            if (row == null || row.entry() == null || row.entry().effectiveDate() == null
                    || row.principalBalanceAfter() == null) {
                continue;
            }
            points.put(row.entry().effectiveDate(), row.principalBalanceAfter());
        }
        return points;
    }

    /** Forecast rows dated before the last actual point would draw the line backwards in time. */
    private static TreeMap<LocalDate, BigDecimal> forecastBalances(List<Installment> forecast, LocalDate lastActual) {
        TreeMap<LocalDate, BigDecimal> points = new TreeMap<>();
        if (forecast == null) {
            return points;
        }
        for (Installment row : forecast) {
            if (row == null || row.dueDate() == null || row.balanceAfter() == null
                    || row.dueDate().isBefore(lastActual)) {
                continue;
            }
            points.put(row.dueDate(), row.balanceAfter());
        }
        return points;
    }

    private static String emptyChart() {
        String id = "balance-chart-empty";
        StringBuilder svg = openSvg(id, "Principal balance", "No balance history yet.");
        svg.append("<text class=\"chart-axis\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                .append("\" text-anchor=\"middle\" fill=\"").append(AXIS_COLOUR).append("\">")
                .append("No balance history yet</text>");
        return svg.append("</g></svg>").toString();
    }

    private static StringBuilder openSvg(String id, String title, String description) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\" class=\"balance-chart\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>")
                .append("<g font-family=\"inherit\" font-size=\"12\">");
        return svg;
    }

    /**
     * How far, in view-box units, a drawn line may pass from a point it leaves out: half a unit of the 720-wide box is
     * under a pixel at any width the page draws the chart. A 30-year loan's 120 monthly steps and 240 forecast points
     * are each a fraction of a unit apart; drawn point by point they were 9.4 KB of every session's heap while
     * Transactions was open (decision 039), and looked the same.
     */
    static final double TOLERANCE = 0.5;

    /** A point in view-box units, rounded to the tenth written into the SVG. */
    record Point(BigDecimal x, BigDecimal y) {
    }

    /**
     * The points a line needs to pass within {@code tolerance} of every one of {@code points}, in order, first and
     * last always kept (Ramer-Douglas-Peucker): a point stays when it is further than that from the segment between
     * the points kept around it. Big steps (a payment that is a visible share of the balance) keep their corners.
     */
    static List<Point> simplify(List<Point> points, double tolerance) {
        int n = points.size();
        if (n < 3) {
            return points;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = points.get(i).x().doubleValue();
            ys[i] = points.get(i).y().doubleValue();
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        ArrayDeque<int[]> ranges = new ArrayDeque<>();
        ranges.push(new int[] {0, n - 1});
        while (!ranges.isEmpty()) {
            int[] range = ranges.pop();
            int furthest = -1;
            double furthestDistance = tolerance;
            for (int i = range[0] + 1; i < range[1]; i++) {
                double distance = distanceToSegment(xs[i], ys[i], xs[range[0]], ys[range[0]], xs[range[1]], ys[range[1]]);
                if (distance > furthestDistance) {
                    furthest = i;
                    furthestDistance = distance;
                }
            }
            if (furthest >= 0) {
                keep[furthest] = true;
                ranges.push(new int[] {range[0], furthest});
                ranges.push(new int[] {furthest, range[1]});
            }
        }
        List<Point> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                kept.add(points.get(i));
            }
        }
        return kept;
    }

    /** Distance from (px, py) to the segment from (ax, ay) to (bx, by). */
    static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.clamp(((px - ax) * dx + (py - ay) * dy) / lengthSquared, 0, 1);
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    /** XML 1.0 text and attribute escaping; characters XML cannot carry at all are dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    if (legal) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** Scales and draws one chart; money stays BigDecimal until it becomes a coordinate. */
    private static final class Plot {

        private final TreeMap<LocalDate, BigDecimal> actual;
        private final TreeMap<LocalDate, BigDecimal> projected;
        private final Locale locale;
        private final NumberFormat dollars;
        private final DateTimeFormatter longDate;
        private final LocalDate start;
        private final LocalDate end;
        private final long spanDays;
        private final BigDecimal step;
        private final BigDecimal yTop;
        private final BigDecimal yBottom;

        Plot(TreeMap<LocalDate, BigDecimal> actual, TreeMap<LocalDate, BigDecimal> projected, Locale locale) {
            this.actual = actual;
            this.projected = projected;
            this.locale = locale;
            this.dollars = NumberFormat.getCurrencyInstance(locale);
            this.dollars.setCurrency(Currency.getInstance("USD"));
            this.dollars.setRoundingMode(RoundingMode.HALF_UP);
            this.longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);

            start = actual.firstKey();
            LocalDate last = projected.isEmpty() ? actual.lastKey() : projected.lastKey();
            // A single date would divide by zero; give it a month of room.
            end = last.isAfter(start) ? last : start.plusDays(30);
            spanDays = ChronoUnit.DAYS.between(start, end);

            BigDecimal max = BigDecimal.ZERO;
            BigDecimal min = BigDecimal.ZERO;
            for (BigDecimal balance : allBalances()) {
                max = max.max(balance);
                min = min.min(balance);
            }
            step = niceStep(max.subtract(min));
            yBottom = roundToStep(min, RoundingMode.FLOOR);
            BigDecimal top = roundToStep(max, RoundingMode.CEILING);
            // All balances zero (a loan disbursed and repaid the same day) still needs a height.
            yTop = top.compareTo(yBottom) > 0 ? top : yBottom.add(step);
        }

        private List<BigDecimal> allBalances() {
            List<BigDecimal> all = new ArrayList<>(actual.values());
            all.addAll(projected.values());
            return all;
        }

        /** A step of 1, 2, 2.5 or 5 times a power of ten giving four or five gridlines. */
        private static BigDecimal niceStep(BigDecimal range) {
            if (range.signum() <= 0) {
                return BigDecimal.valueOf(1000);
            }
            BigDecimal raw = range.divide(BigDecimal.valueOf(4), MathContext.DECIMAL64);
            int exponent = raw.precision() - raw.scale() - 1;
            BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
            BigDecimal normalised = raw.divide(power, MathContext.DECIMAL64);
            BigDecimal nice = BigDecimal.TEN;
            for (String candidate : new String[] {"1", "2", "2.5", "5"}) {
                if (normalised.compareTo(new BigDecimal(candidate)) <= 0) {
                    nice = new BigDecimal(candidate);
                    break;
                }
            }
            // Gridlines below a dollar would be noise.
            return nice.multiply(power).max(BigDecimal.ONE).stripTrailingZeros();
        }

        private BigDecimal roundToStep(BigDecimal value, RoundingMode mode) {
            return value.divide(step, 0, mode).multiply(step);
        }

        String render() {
            String id = "balance-chart-" + Integer.toHexString(Objects.hash(actual, projected));
            StringBuilder svg = openSvg(id, title(), description());
            gridAndYAxis(svg);
            xAxis(svg);
            actualLine(svg);
            forecastLine(svg);
            legend(svg);
            return svg.append("</g></svg>").toString();
        }

        private String title() {
            LocalDate firstDate = actual.firstKey();
            String from = "Principal balance from " + money(actual.firstEntry().getValue()) + " on " + date(firstDate);
            if (!projected.isEmpty()) {
                Map.Entry<LocalDate, BigDecimal> last = projected.lastEntry();
                return from + " to " + money(last.getValue()) + " projected on " + date(last.getKey());
            }
            if (actual.size() == 1) {
                return "Principal balance of " + money(actual.firstEntry().getValue()) + " on " + date(firstDate);
            }
            return from + " to " + money(actual.lastEntry().getValue()) + " on " + date(actual.lastKey());
        }

        private String description() {
            StringBuilder text = new StringBuilder("Solid line: the actual principal balance on ")
                    .append(actual.size()).append(actual.size() == 1 ? " date" : " dates")
                    .append(", ending at ").append(money(actual.lastEntry().getValue()))
                    .append(" on ").append(date(actual.lastKey())).append('.');
            if (projected.isEmpty()) {
                text.append(" No scheduled payments remain.");
            } else {
                text.append(" Dashed line: the forecast over ").append(projected.size())
                        .append(projected.size() == 1 ? " scheduled payment" : " scheduled payments")
                        .append(", reaching ").append(money(projected.lastEntry().getValue()))
                        .append(" on ").append(date(projected.lastKey())).append('.');
            }
            return text.toString();
        }

        private void gridAndYAxis(StringBuilder svg) {
            for (BigDecimal tick = yBottom; tick.compareTo(yTop) <= 0; tick = tick.add(step)) {
                String y = y(tick).toPlainString();
                svg.append("<line class=\"chart-grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                        .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\" stroke=\"")
                        .append(tick.signum() == 0 ? AXIS_COLOUR : GRID_COLOUR)
                        .append("\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"/>");
                svg.append("<text class=\"chart-axis\" x=\"").append(LEFT - 8).append("\" y=\"").append(y)
                        .append("\" dy=\"4\" text-anchor=\"end\" fill=\"").append(AXIS_COLOUR).append("\">")
                        .append(escape(tickLabel(tick))).append("</text>");
            }
        }

        /** Compact labels ($0, $2.5k, $10k, $1.2M) keep the left margin narrow. */
        private String tickLabel(BigDecimal value) {
            NumberFormat number = NumberFormat.getNumberInstance(locale);
            number.setMaximumFractionDigits(1);
            BigDecimal magnitude = value.abs();
            String text;
            if (magnitude.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
                text = number.format(magnitude.movePointLeft(6)) + "M";
            } else if (magnitude.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
                text = number.format(magnitude.movePointLeft(3)) + "k";
            } else {
                text = number.format(magnitude);
            }
            return (value.signum() < 0 ? "-$" : "$") + text;
        }

        /** Years for spans over two years, month and year for shorter ones. */
        private void xAxis(StringBuilder svg) {
            String baseline = String.valueOf(HEIGHT - BOTTOM);
            List<LocalDate> ticks = new ArrayList<>();
            DateTimeFormatter format;
            if (spanDays > 730) {
                format = DateTimeFormatter.ofPattern("yyyy", locale);
                LocalDate first = start.withDayOfYear(1);
                if (first.isBefore(start)) {
                    first = first.plusYears(1);
                }
                long years = ChronoUnit.YEARS.between(first, end) + 1;
                long every = Math.max(1, (years + MAX_X_LABELS - 1) / MAX_X_LABELS);
                for (LocalDate tick = first; !tick.isAfter(end); tick = tick.plusYears(every)) {
                    ticks.add(tick);
                }
            } else {
                format = DateTimeFormatter.ofPattern("MMM yyyy", locale);
                LocalDate first = start.withDayOfMonth(1);
                if (first.isBefore(start)) {
                    first = first.plusMonths(1);
                }
                long months = ChronoUnit.MONTHS.between(first, end) + 1;
                long every = 1;
                for (long candidate : new long[] {1, 2, 3, 6, 12}) {
                    every = candidate;
                    if ((months + candidate - 1) / candidate <= MAX_X_LABELS) {
                        break;
                    }
                }
                for (LocalDate tick = first; !tick.isAfter(end); tick = tick.plusMonths(every)) {
                    ticks.add(tick);
                }
            }
            for (LocalDate tick : ticks) {
                String x = x(tick).toPlainString();
                svg.append("<line class=\"chart-axis\" x1=\"").append(x).append("\" x2=\"").append(x)
                        .append("\" y1=\"").append(baseline).append("\" y2=\"").append(HEIGHT - BOTTOM + 5)
                        .append("\" stroke=\"").append(AXIS_COLOUR).append("\" vector-effect=\"non-scaling-stroke\"/>");
                svg.append("<text class=\"chart-axis\" x=\"").append(x).append("\" y=\"").append(HEIGHT - 12)
                        .append("\" text-anchor=\"middle\" fill=\"").append(AXIS_COLOUR).append("\">")
                        .append(escape(format.format(tick))).append("</text>");
            }
        }

        /** The balance holds between entries and jumps on the entry date: a step line. */
        private void actualLine(StringBuilder svg) {
            List<Point> points = new ArrayList<>();
            BigDecimal previous = null;
            for (Map.Entry<LocalDate, BigDecimal> point : actual.entrySet()) {
                BigDecimal x = x(point.getKey());
                if (previous != null) {
                    points.add(new Point(x, y(previous)));
                }
                points.add(new Point(x, y(point.getValue())));
                previous = point.getValue();
            }
            if (actual.size() == 1) {
                // A lone point is invisible as a line; a dot shows where the balance stands.
                Point only = points.getFirst();
                svg.append("<circle class=\"chart-actual\" cx=\"").append(only.x().toPlainString()).append("\" cy=\"")
                        .append(only.y().toPlainString()).append("\" r=\"3\" fill=\"").append(ACTUAL_COLOUR).append("\"/>");
            }
            svg.append("<polyline class=\"chart-actual\" fill=\"none\" stroke=\"").append(ACTUAL_COLOUR)
                    .append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\" vector-effect=\"non-scaling-stroke\" points=\"")
                    .append(pointList(simplify(points, TOLERANCE))).append("\"/>");
        }

        private void forecastLine(StringBuilder svg) {
            if (projected.isEmpty()) {
                return;
            }
            List<Point> points = new ArrayList<>();
            points.add(new Point(x(actual.lastKey()), y(actual.lastEntry().getValue())));
            for (Map.Entry<LocalDate, BigDecimal> point : projected.entrySet()) {
                points.add(new Point(x(point.getKey()), y(point.getValue())));
            }
            svg.append("<polyline class=\"chart-forecast\" fill=\"none\" stroke=\"").append(FORECAST_COLOUR)
                    .append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\" vector-effect=\"non-scaling-stroke\" points=\"")
                    .append(pointList(simplify(points, TOLERANCE))).append("\"/>");
        }

        private static String pointList(List<Point> points) {
            StringBuilder list = new StringBuilder(points.size() * 12);
            for (Point point : points) {
                if (!list.isEmpty()) {
                    list.append(' ');
                }
                list.append(point.x().toPlainString()).append(',').append(point.y().toPlainString());
            }
            return list.toString();
        }

        private void legend(StringBuilder svg) {
            // Left-aligned with room to grow: phones draw the legend text about twice as large (portal.css).
            int x = LEFT;
            int y = 18;
            svg.append("<g class=\"chart-legend\">");
            svg.append("<line class=\"chart-actual\" x1=\"").append(x).append("\" x2=\"").append(x + 24)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\" stroke=\"").append(ACTUAL_COLOUR)
                    .append("\" stroke-width=\"2.5\"/>");
            svg.append("<text class=\"chart-axis\" x=\"").append(x + 30).append("\" y=\"").append(y + 4)
                    .append("\" fill=\"").append(AXIS_COLOUR).append("\">Actual</text>");
            if (!projected.isEmpty()) {
                int fx = x + 130;
                svg.append("<line class=\"chart-forecast\" x1=\"").append(fx).append("\" x2=\"").append(fx + 24)
                        .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\" stroke=\"")
                        .append(FORECAST_COLOUR).append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
                svg.append("<text class=\"chart-axis\" x=\"").append(fx + 30).append("\" y=\"").append(y + 4)
                        .append("\" fill=\"").append(AXIS_COLOUR).append("\">Forecast</text>");
            }
            svg.append("</g>");
        }

        private BigDecimal x(LocalDate date) {
            BigDecimal days = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, date));
            BigDecimal offset = PLOT_WIDTH.multiply(days).divide(BigDecimal.valueOf(spanDays), MathContext.DECIMAL64);
            return coordinate(BigDecimal.valueOf(LEFT).add(offset));
        }

        private BigDecimal y(BigDecimal balance) {
            BigDecimal share = yTop.subtract(balance).divide(yTop.subtract(yBottom), MathContext.DECIMAL64);
            return coordinate(BigDecimal.valueOf(TOP).add(PLOT_HEIGHT.multiply(share)));
        }

        private static BigDecimal coordinate(BigDecimal value) {
            return value.setScale(1, RoundingMode.HALF_UP);
        }

        private String money(BigDecimal amount) {
            return dollars.format(amount);
        }

        private String date(LocalDate date) {
            return longDate.format(date);
        }
    }
}
