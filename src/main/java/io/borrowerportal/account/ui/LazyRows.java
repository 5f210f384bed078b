package io.borrowerportal.account.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.function.SerializableSupplier;

import java.util.List;

/**
 * Grid rows that a session keeps only a page of (decision 039). A grid given a list keeps the whole list for as long
 * as the page is open: a 30-year loan's forecast and history rows were a fifth to a third of a signed-in session's heap.
 * Here the grid keeps the first page, taken from the rows the view already read, so opening the page costs no more
 * SQL than before; a page further down, which few scroll to, is read again through the service.
 */
final class LazyRows {

    /**
     * The grid's page: the rows it asks for at a time, and the rows kept from the first read. The grids are 420 px
     * high, about 13 compact rows, and Chromium's grid asks for one page of 20 when the page opens, on a phone as on a
     * desktop ({@code CustomerJourneyTest} checks it); Vaadin's default of 50 kept 30 rows more per grid in each
     * session than anyone sees without scrolling (decision 039).
     */
    static final int PAGE_SIZE = 20;

    private LazyRows() {
    }

    /**
     * @param rows   the rows as the view read them, in the grid's order; only the first page is kept
     * @param reread the same rows read again, in the same order, for a page past the first
     */
    static <T> void show(Grid<T> grid, List<T> rows, SerializableSupplier<List<T>> reread) {
        int size = rows.size();
        List<T> firstPage = List.copyOf(rows.subList(0, Math.min(PAGE_SIZE, size)));
        grid.setPageSize(PAGE_SIZE);
        grid.setItems(query -> {
            int from = query.getOffset();
            int to = from + query.getLimit();
            // The count said size rows: a grid of fewer rows than a page asks for a whole page and gets them all.
            List<T> source = Math.min(to, size) <= firstPage.size() ? firstPage : reread.get();
            return source.subList(Math.min(from, source.size()), Math.min(to, source.size())).stream();
        }, query -> size);
    }
}
