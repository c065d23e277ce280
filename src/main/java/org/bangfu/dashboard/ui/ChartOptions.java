package org.bangfu.dashboard.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECharts options for the dashboard's charts, as plain maps and lists: a funnel, bars (stacked or side by side,
 * upright or lying), lines, and a ring of shares. Labels arrive translated; colours are the theme's.
 */
final class ChartOptions {

    /** Bangfu's red first, then calm colours that stay apart for people who do not see red and green well. */
    static final List<String> PALETTE = List.of("#b5242f", "#3b6fb6", "#e0a100", "#4d9a6a", "#7a5195", "#ef7e3a",
            "#2f9bb3", "#8c8c8c", "#c2577a", "#5b8c2a", "#a67c52", "#6a6fd1", "#d45087", "#3d3d3d");

    /** A series: its name, its values in the categories' order, and the stack it belongs to (null: none). */
    record Series(String name, List<? extends Number> values, String stack) {

        Series(String name, List<? extends Number> values) {
            this(name, values, null);
        }
    }

    /** A named value: a funnel's stage or a ring's slice. */
    record Slice(String name, Number value) {
    }

    private ChartOptions() {
    }

    static Map<String, Object> funnel(String seriesName, List<Slice> stages) {
        Map<String, Object> option = base();
        option.put("tooltip", Map.of("trigger", "item", "formatter", "{b}: {c}"));
        List<Map<String, Object>> data = new ArrayList<>();
        stages.forEach(s -> data.add(Map.of("name", s.name(), "value", s.value())));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "funnel");
        series.put("name", seriesName);
        series.put("sort", "none");
        series.put("left", "4%");
        series.put("width", "92%");
        series.put("top", 8);
        series.put("bottom", 8);
        series.put("minSize", "12%");
        series.put("gap", 2);
        series.put("label", Map.of("show", true, "position", "inside", "formatter", "{b} {c}", "fontSize", 12));
        series.put("data", data);
        option.put("series", List.of(series));
        return option;
    }

    /** Bars per category; {@code lying}: categories down the side (long names, many rows). */
    static Map<String, Object> bars(List<String> categories, List<Series> series, boolean lying) {
        Map<String, Object> option = base();
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        option.put("grid", Map.of("left", 8, "right", 16, "top", 16, "bottom", 36, "containLabel", true));
        Map<String, Object> categoryAxis = new LinkedHashMap<>();
        categoryAxis.put("type", "category");
        categoryAxis.put("data", categories);
        categoryAxis.put("axisLabel", lying ? Map.of("width", 96, "overflow", "truncate")
                : Map.of("interval", 0, "rotate", categories.size() > 6 ? 30 : 0));
        if (lying) {
            categoryAxis.put("inverse", true);
        }
        Map<String, Object> valueAxis = Map.of("type", "value", "minInterval", 1);
        option.put(lying ? "yAxis" : "xAxis", categoryAxis);
        option.put(lying ? "xAxis" : "yAxis", valueAxis);
        option.put("series", series.stream().map(s -> {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("type", "bar");
            bar.put("name", s.name());
            bar.put("data", s.values());
            bar.put("barMaxWidth", 28);
            if (s.stack() != null) {
                bar.put("stack", s.stack());
            }
            return bar;
        }).toList());
        return option;
    }

    static Map<String, Object> lines(List<String> categories, List<Series> series) {
        Map<String, Object> option = base();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        option.put("grid", Map.of("left", 8, "right", 16, "top", 16, "bottom", 36, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", categories, "boundaryGap", false));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", series.stream().map(s -> Map.of("type", "line", "name", s.name(), "data", s.values(),
                "smooth", false, "symbolSize", 6)).toList());
        return option;
    }

    static Map<String, Object> ring(String seriesName, List<Slice> slices) {
        Map<String, Object> option = base();
        option.put("tooltip", Map.of("trigger", "item", "formatter", "{b}: {c} ({d}%)"));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        List<Map<String, Object>> data = new ArrayList<>();
        slices.forEach(s -> data.add(Map.of("name", s.name(), "value", s.value())));
        option.put("series", List.of(Map.of("type", "pie", "name", seriesName, "radius", List.of("38%", "64%"),
                "center", List.of("50%", "44%"), "avoidLabelOverlap", true, "label",
                Map.of("formatter", "{b}\n{c}"), "data", data)));
        return option;
    }

    private static Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("color", PALETTE);
        option.put("animationDuration", 300);
        option.put("textStyle", Map.of("fontFamily", "\"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", "
                + "\"WenQuanYi Micro Hei\", sans-serif"));
        return option;
    }
}
