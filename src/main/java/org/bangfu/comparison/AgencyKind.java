package org.bangfu.comparison;

import java.util.List;

/**
 * The agencies' data sets Bangfu compares against, each with its own fields. A field says which column of
 * {@code bf_agency_record} holds it and the headers it is recognised by when a file is mapped.
 */
public enum AgencyKind {

    /** 公安车辆登记 */
    VEHICLE(List.of(AgencyField.ID_NUMBER, AgencyField.NAME,
            new AgencyField("plate", AgencyField.Column.TEXT_A, AgencyField.Type.TEXT, true,
                    List.of("号牌号码", "车牌号", "车牌号码", "号牌", "plate")),
            new AgencyField("vehicleType", AgencyField.Column.TEXT_B, AgencyField.Type.TEXT, false,
                    List.of("车辆类型", "车型", "vehicle type", "type")),
            new AgencyField("productive", AgencyField.Column.FLAG, AgencyField.Type.BOOLEAN, true,
                    List.of("使用性质", "是否生产经营", "生产经营性", "productive", "use")))),
    /** 不动产 / 商品房登记 */
    REAL_ESTATE(List.of(AgencyField.ID_NUMBER, AgencyField.NAME,
            new AgencyField("address", AgencyField.Column.TEXT_A, AgencyField.Type.TEXT, true,
                    List.of("房屋坐落", "坐落", "房屋地址", "地址", "address")),
            new AgencyField("area", AgencyField.Column.AMOUNT, AgencyField.Type.DECIMAL, false,
                    List.of("建筑面积", "面积", "area")))),
    /** 财政供养人员 */
    PUBLIC_EMPLOYEE(List.of(AgencyField.ID_NUMBER, AgencyField.NAME,
            new AgencyField("employer", AgencyField.Column.TEXT_A, AgencyField.Type.TEXT, true,
                    List.of("工作单位", "单位名称", "供养单位", "单位", "employer")))),
    /** 工商登记 */
    BUSINESS(List.of(AgencyField.ID_NUMBER, AgencyField.NAME,
            new AgencyField("company", AgencyField.Column.TEXT_A, AgencyField.Type.TEXT, true,
                    List.of("企业名称", "公司名称", "市场主体名称", "company")),
            new AgencyField("role", AgencyField.Column.TEXT_B, AgencyField.Type.TEXT, false,
                    List.of("职务", "身份", "任职", "人员类型", "role")))),
    /** 社保 / 养老金 */
    PENSION(List.of(AgencyField.ID_NUMBER, AgencyField.NAME,
            new AgencyField("monthlyAmount", AgencyField.Column.AMOUNT, AgencyField.Type.DECIMAL, true,
                    List.of("月养老金", "月领取金额", "养老金", "待遇金额", "月待遇", "monthly amount", "amount")))),
    /** 殡葬 / 死亡登记 */
    DEATH(List.of(AgencyField.ID_NUMBER, AgencyField.NAME,
            new AgencyField("deathDate", AgencyField.Column.EVENT_DATE, AgencyField.Type.DATE, true,
                    List.of("死亡日期", "死亡时间", "火化日期", "date of death", "date")))),
    /** 拆迁补偿 */
    DEMOLITION(List.of(AgencyField.ID_NUMBER, AgencyField.NAME,
            new AgencyField("amount", AgencyField.Column.AMOUNT, AgencyField.Type.DECIMAL, true,
                    List.of("补偿金额", "补偿款", "金额", "amount")),
            new AgencyField("date", AgencyField.Column.EVENT_DATE, AgencyField.Type.DATE, true,
                    List.of("补偿日期", "发放日期", "签约日期", "日期", "date"))));

    private final List<AgencyField> fields;

    AgencyKind(List<AgencyField> fields) {
        this.fields = fields;
    }

    public List<AgencyField> fields() {
        return fields;
    }

    /** The field stored in a column, if this kind uses it. */
    public java.util.Optional<AgencyField> field(AgencyField.Column column) {
        return fields.stream().filter(f -> f.column() == column).findFirst();
    }
}
