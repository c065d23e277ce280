package org.bangfu.shell;

import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * A chart drawn by Apache ECharts in the browser ({@code ui/bangfu-chart.js}) from an ECharts option built on the
 * server (every text in it already translated). It follows its box's width; a click on an item reports the series,
 * the item's index and its name.
 */
@Tag("bangfu-chart")
@JsModule("./bangfu-chart.js")
@NpmPackage(value = "echarts", version = "6.1.0")
public class Chart extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A clicked item: its series, its index in the series' data and its name (a category or a slice's name). */
    public record Click(int seriesIndex, int dataIndex, String name) {
    }

    /** A chart described for people who do not see it, e.g. "households per stage". */
    public Chart(String description) {
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", description);
    }

    /** Draws the chart of an ECharts option (maps, lists, strings and numbers, as ECharts documents them). */
    public void setOption(Map<String, Object> option) {
        try {
            getElement().setProperty("option", JSON.writeValueAsString(option));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an ECharts option is plain data", e);
        }
    }

    public Registration addClickListener(Consumer<Click> listener) {
        return getElement().addEventListener("chart-click", e -> listener.accept(new Click(
                (int) e.getEventData().getNumber("event.detail.seriesIndex"),
                (int) e.getEventData().getNumber("event.detail.dataIndex"),
                e.getEventData().getString("event.detail.name"))))
                .addEventData("event.detail.seriesIndex").addEventData("event.detail.dataIndex")
                .addEventData("event.detail.name");
    }
}
