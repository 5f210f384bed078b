package io.borrowerportal.benchmark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parts of the Flow client's UIDL messages that the benchmarks which speak it over HTTP send alike. */
final class UidlMessages {

    /** A grid's request to its client side to confirm a batch of rows: its state node and the batch's id. */
    private static final Pattern CONFIRM = Pattern.compile(
            "\\[\\{\"@v-node\":(\\d+)\\},(\\d+),\"return \\$0\\.\\$connector\\.confirm\\(\\$1\\)\"\\]");

    private UidlMessages() {
    }

    /**
     * The RPCs with which a browser's grids confirm the rows an answer sent them ({@code confirmUpdate}, one per
     * {@code $connector.confirm} the answer asks for), joined for a message's {@code rpc} array; empty if it asks none.
     */
    static String gridConfirmations(String answer) {
        Matcher confirm = CONFIRM.matcher(answer);
        StringBuilder rpc = new StringBuilder();
        int promise = 0;
        while (confirm.find()) {
            rpc.append(rpc.isEmpty() ? "" : ",").append("{\"type\":\"publishedEventHandler\",\"node\":").append(confirm.group(1))
                    .append(",\"templateEventMethodName\":\"confirmUpdate\",\"templateEventMethodArgs\":[")
                    .append(confirm.group(2)).append("],\"promise\":").append(promise++).append('}');
        }
        return rpc.toString();
    }
}
