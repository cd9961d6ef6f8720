package io.xxgk.dashboard.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The outline every university's annual report follows (教育部办公厅关于做好高校信息公开年度报告工作的通知),
 * with where the statistics go: each statistics section ({@link ReportText#SECTIONS}) under its
 * heading, the other headings the writer's to fill.
 */
public enum Outline {
    OVERVIEW("overview", "概述", "period", "学校信息公开工作的总体情况：组织领导、制度建设、平台建设、工作成效。"),
    PROACTIVE("proactive", "主动公开情况", "proactive", "主动公开的信息和渠道；清单事项公开情况见附件。"),
    REQUESTS("requests", "依申请公开和不予公开情况", "requests", "收到和处理依申请公开的情况，不予公开的理由。"),
    FEES("fees", "收费及减免情况", null, "依申请公开收费及减免情况；未收费的写明“未收取任何费用”。"),
    COMPLAINTS("complaints", "因学校信息公开工作受到举报、复议、诉讼的情况", "complaints", "举报、复议、诉讼的情况及处理结果。"),
    PROBLEMS("problems", "存在的主要问题及改进措施", null, "工作中存在的主要问题，下一年度的改进措施。"),
    OTHER("other", "其他需要报告的事项", "service", "信息公开服务情况及其他需要报告的事项。");

    private static final List<String> NUMERALS = List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十");

    private final String id;
    private final String title;
    private final String statistics;
    private final String hint;

    Outline(String id, String title, String statistics, String hint) {
        this.id = id;
        this.title = title;
        this.statistics = statistics;
        this.hint = hint;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** 二、主动公开情况 */
    public String heading() {
        return numeral(ordinal() + 1) + "、" + title;
    }

    /** The statistics section written under this heading, if any. */
    public Optional<String> statistics() {
        return Optional.ofNullable(statistics);
    }

    /** What the writer writes here, for a first draft. */
    public String hint() {
        return hint;
    }

    public static Optional<Outline> of(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
    }

    /** 一 … 十 */
    public static String numeral(int n) {
        return NUMERALS.get(n - 1);
    }
}
