package io.borrowerportal.account.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LazyRowsTest {

    private final AtomicInteger rereads = new AtomicInteger();

    @SuppressWarnings("unchecked")
    private DataProvider<Integer, Void> show(int rows) {
        List<Integer> all = IntStream.range(0, rows).boxed().toList();
        Grid<Integer> grid = new Grid<>();
        LazyRows.show(grid, all, () -> {
            rereads.incrementAndGet();
            return all;
        });
        return (DataProvider<Integer, Void>) grid.getDataProvider();
    }

    private static List<Integer> fetch(DataProvider<Integer, Void> rows, int offset, int limit) {
        return rows.fetch(new Query<>(offset, limit, List.of(), null, null)).toList();
    }

    @Test
    void the_first_page_comes_from_the_rows_at_hand_and_a_later_one_is_read_again() {
        DataProvider<Integer, Void> rows = show(121);

        assertThat(rows.size(new Query<>())).isEqualTo(121);
        assertThat(fetch(rows, 0, LazyRows.PAGE_SIZE)).isEqualTo(IntStream.range(0, LazyRows.PAGE_SIZE).boxed().toList());
        assertThat(rereads).as("the first page costs no second read").hasValue(0);

        assertThat(fetch(rows, 110, LazyRows.PAGE_SIZE)).isEqualTo(IntStream.range(110, 121).boxed().toList());
        assertThat(rereads).hasValue(1);
    }

    @Test
    void fewer_rows_than_a_page_are_all_kept_and_never_read_again() {
        DataProvider<Integer, Void> rows = show(2);

        assertThat(fetch(rows, 0, LazyRows.PAGE_SIZE)).containsExactly(0, 1);
        assertThat(rereads).hasValue(0);
    }
}
