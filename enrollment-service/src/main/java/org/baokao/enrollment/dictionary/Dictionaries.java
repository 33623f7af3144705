package org.baokao.enrollment.dictionary;

import java.util.List;
import java.util.Optional;

/**
 * The dictionaries of the personal-information step (ENR-3) and of a 自考 candidate's 个人信息 (SST-4), as code. The codes are what is stored and sent;
 * the names are what the forms show. Use {@code isValid(code)} to check a candidate's choice.
 */
public final class Dictionaries {

    /** 政治面貌, GB/T 4762-1984 (the short names the forms use, as in the Shandong wizard). */
    public static final CodeList POLITICAL_STATUS = CodeList.of("political-statuses", "政治面貌", "GB/T 4762-1984",
            "01", "中共党员",
            "02", "中共预备党员",
            "03", "共青团员",
            "04", "民革会员",
            "05", "民盟盟员",
            "06", "民建会员",
            "07", "民进会员",
            "08", "农工党党员",
            "09", "致公党党员",
            "10", "九三学社社员",
            "11", "台盟盟员",
            "12", "无党派人士",
            "13", "群众");

    /** 民族, GB/T 3304-1991: the 56 ethnic groups in the standard's order, plus 97 其他 and 98 外国血统中国籍人士. */
    public static final CodeList ETHNICITY = CodeList.of("ethnicities", "民族", "GB/T 3304-1991",
            "01", "汉族", "02", "蒙古族", "03", "回族", "04", "藏族", "05", "维吾尔族", "06", "苗族", "07", "彝族",
            "08", "壮族", "09", "布依族", "10", "朝鲜族", "11", "满族", "12", "侗族", "13", "瑶族", "14", "白族",
            "15", "土家族", "16", "哈尼族", "17", "哈萨克族", "18", "傣族", "19", "黎族", "20", "傈僳族",
            "21", "佤族", "22", "畲族", "23", "高山族", "24", "拉祜族", "25", "水族", "26", "东乡族",
            "27", "纳西族", "28", "景颇族", "29", "柯尔克孜族", "30", "土族", "31", "达斡尔族", "32", "仫佬族",
            "33", "羌族", "34", "布朗族", "35", "撒拉族", "36", "毛南族", "37", "仡佬族", "38", "锡伯族",
            "39", "阿昌族", "40", "普米族", "41", "塔吉克族", "42", "怒族", "43", "乌孜别克族", "44", "俄罗斯族",
            "45", "鄂温克族", "46", "德昂族", "47", "保安族", "48", "裕固族", "49", "京族", "50", "塔塔尔族",
            "51", "独龙族", "52", "鄂伦春族", "53", "赫哲族", "54", "门巴族", "55", "珞巴族", "56", "基诺族",
            "97", "其他", "98", "外国血统中国籍人士");

    /**
     * 考生类别, the four categories of the national admission forms (codes 1–4 as in the 高考 candidate data).
     * None of them needs no exam by itself: which categories sit no exam is configured per exam
     * ({@code noExamCategories}), since the Shandong manual does not name them.
     */
    public static final CodeList CANDIDATE_CATEGORY = CodeList.of("candidate-categories", "考生类别",
            "高校招生考生类别代码",
            "1", "城市应届",
            "2", "农村应届",
            "3", "城市往届",
            "4", "农村往届");

    /** 专科期间公共外语课 / 外语语种, codes as in the national admission forms. */
    public static final CodeList FOREIGN_LANGUAGE = CodeList.of("foreign-languages", "外语语种", "高校招生外语语种代码",
            "1", "英语",
            "2", "俄语",
            "3", "日语",
            "4", "德语",
            "5", "法语",
            "6", "西班牙语",
            "9", "其他");

    /**
     * 文化程度 of a 自考 candidate's personal information (SST-4), GB/T 4658-2006 (学历代码): its first-level codes,
     * the level the forms ask for.
     */
    public static final CodeList EDUCATION = CodeList.of("educations", "文化程度", "GB/T 4658-2006",
            "10", "研究生",
            "20", "大学本科",
            "30", "大学专科",
            "40", "中等专业学校",
            "50", "技工学校",
            "60", "高中",
            "70", "初中",
            "80", "小学",
            "90", "其他");

    /**
     * 职业 of a 自考 candidate's personal information (SST-4): the eight major groups of GB/T 6565-2015 (职业分类与代码),
     * plus 在校学生 and 待业人员, which the 自考 forms offer beside them (codes 91, 92: outside the standard).
     */
    public static final CodeList OCCUPATION = CodeList.of("occupations", "职业", "GB/T 6565-2015 大类，另加91、92",
            "1", "党的机关、国家机关、群众团体和社会组织、企事业单位负责人",
            "2", "专业技术人员",
            "3", "办事人员和有关人员",
            "4", "社会生产服务和生活服务人员",
            "5", "农、林、牧、渔业生产及辅助人员",
            "6", "生产制造及有关人员",
            "7", "军人",
            "8", "不便分类的其他从业人员",
            "91", "在校学生",
            "92", "待业人员");

    /** 户籍所在省（直辖市） and 户籍所在市, GB/T 2260. */
    public static final Regions REGIONS = Regions.load();

    /** Every flat dictionary: the Shandong form's in the order it asks for them, then the Shanghai profile's. */
    public static final List<CodeList> CODE_LISTS = List.of(POLITICAL_STATUS, ETHNICITY, FOREIGN_LANGUAGE,
            CANDIDATE_CATEGORY, EDUCATION, OCCUPATION);

    private Dictionaries() {
    }

    public static Optional<CodeList> codeList(String id) {
        return CODE_LISTS.stream().filter(list -> list.id().equals(id)).findFirst();
    }
}
