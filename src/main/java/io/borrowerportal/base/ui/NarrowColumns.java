package io.borrowerportal.base.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;

import java.util.List;

/**
 * A staff grid's two shapes: its wide columns on a desktop, and one wrapped column in their place below
 * {@link #NARROW_PX}, so a row fits a 390-pixel phone. It follows the browser window: the width is read when the grid
 * is attached and again on every resize, and the resize listener goes with the grid.
 */
public final class NarrowColumns<T> {

    /** Below this window width the wide columns fold into the one column. */
    public static final int NARROW_PX = 760;

    private final List<Grid.Column<T>> wide;
    private final Grid.Column<T> narrow;
    private Registration resize;

    public NarrowColumns(Grid<T> grid, List<Grid.Column<T>> wide, Grid.Column<T> narrow) {
        this.wide = List.copyOf(wide);
        this.narrow = narrow;
        narrow.setVisible(false);
        grid.addAttachListener(attach -> {
            attach.getUI().getPage().retrieveExtendedClientDetails(details -> fit(details.getWindowInnerWidth()));
            resize = attach.getUI().getPage().addBrowserWindowResizeListener(event -> fit(event.getWidth()));
        });
        grid.addDetachListener(detach -> {
            if (resize != null) {
                resize.remove();
                resize = null;
            }
        });
    }

    /** Shows the shape for a window this wide; 0 (not known yet) keeps the wide one. */
    public void fit(int windowWidth) {
        boolean folded = windowWidth > 0 && windowWidth < NARROW_PX;
        wide.forEach(column -> column.setVisible(!folded));
        narrow.setVisible(folded);
    }
}
