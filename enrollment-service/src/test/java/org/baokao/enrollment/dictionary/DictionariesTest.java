package org.baokao.enrollment.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** ENR-3: the dictionaries of the personal-information step and their validation helpers. */
class DictionariesTest {

    @Test
    void politicalStatusFollowsGbt4762() {
        assertThat(Dictionaries.POLITICAL_STATUS.entries()).hasSize(13);
        assertThat(Dictionaries.POLITICAL_STATUS.nameOf("01")).contains("中共党员");
        assertThat(Dictionaries.POLITICAL_STATUS.nameOf("03")).contains("共青团员");
        assertThat(Dictionaries.POLITICAL_STATUS.nameOf("13")).contains("群众");
        assertThat(Dictionaries.POLITICAL_STATUS.isValid("14")).isFalse();
        assertThat(Dictionaries.POLITICAL_STATUS.isValid(null)).isFalse();
        assertThat(Dictionaries.POLITICAL_STATUS.isValid("1")).as("codes are two digits").isFalse();
    }

    @Test
    void educationAndOccupationOfTheSelfStudyProfile() {
        assertThat(Dictionaries.EDUCATION.entries()).extracting(DictionaryEntry::name).startsWith("研究生", "大学本科",
                "大学专科").contains("高中", "初中");
        assertThat(Dictionaries.EDUCATION.nameOf("20")).contains("大学本科");
        assertThat(Dictionaries.EDUCATION.isValid("2")).isFalse();
        assertThat(Dictionaries.OCCUPATION.entries()).hasSize(10);
        assertThat(Dictionaries.OCCUPATION.nameOf("2")).contains("专业技术人员");
        assertThat(Dictionaries.OCCUPATION.nameOf("91")).contains("在校学生");
        assertThat(Dictionaries.codeList("occupations")).contains(Dictionaries.OCCUPATION);
        assertThat(Dictionaries.codeList("educations")).contains(Dictionaries.EDUCATION);
    }

    @Test
    void all56EthnicGroupsAreListedInGbt3304Order() {
        List<DictionaryEntry> groups = Dictionaries.ETHNICITY.entries().stream()
                .filter(entry -> Integer.parseInt(entry.code()) <= 56).toList();
        assertThat(groups).hasSize(56);
        assertThat(groups.getFirst()).isEqualTo(new DictionaryEntry("01", "汉族"));
        assertThat(groups.getLast()).isEqualTo(new DictionaryEntry("56", "基诺族"));
        assertThat(Dictionaries.ETHNICITY.nameOf("08")).contains("壮族");
        assertThat(Dictionaries.ETHNICITY.nameOf("97")).contains("其他");
        assertThat(groups.stream().map(DictionaryEntry::name).distinct().count()).isEqualTo(56);
        assertThat(groups.stream().allMatch(entry -> entry.name().endsWith("族"))).isTrue();
    }

    @Test
    void candidateCategoriesAndForeignLanguages() {
        assertThat(Dictionaries.CANDIDATE_CATEGORY.entries().stream().map(DictionaryEntry::name))
                .containsExactly("城市应届", "农村应届", "城市往届", "农村往届");
        assertThat(Dictionaries.FOREIGN_LANGUAGE.nameOf("1")).contains("英语");
        assertThat(Dictionaries.FOREIGN_LANGUAGE.isValid("3")).isTrue();
        assertThat(Dictionaries.FOREIGN_LANGUAGE.isValid("英语")).as("codes, not names").isFalse();
    }

    @Test
    void everyProvinceHasItsCities() {
        Regions regions = Dictionaries.REGIONS;
        assertThat(regions.provinces()).hasSize(34);
        assertThat(regions.provinces()).allSatisfy(province -> assertThat(province.cities()).isNotEmpty());
        assertThat(regions.isValid("370000")).isTrue();
        assertThat(regions.isValid("3700")).isFalse();

        Map<String, String> shandong = regions.province("370000").orElseThrow().cities().stream()
                .collect(Collectors.toMap(DictionaryEntry::code, DictionaryEntry::name));
        assertThat(shandong).hasSize(16).containsEntry("370100", "济南市").containsEntry("371300", "临沂市")
                .containsEntry("371600", "滨州市").containsEntry("371700", "菏泽市").doesNotContainKey("371200");

        assertThat(regions.isValidCity("110000", "110105")).as("北京市 朝阳区, as the manual shows").isTrue();
        assertThat(regions.isValidCity("370000", "110105")).as("a city of another province").isFalse();
        assertThat(regions.isValidCity("500000", "500243")).as("重庆 彭水县").isTrue();
        assertThat(regions.isValidCity("420000", "429004")).as("仙桃市, governed by the province").isTrue();
        assertThat(regions.isValidCity("810000", "810000")).as("香港 lists itself").isTrue();
        assertThat(regions.province("650000").orElseThrow().name()).isEqualTo("新疆维吾尔自治区");
    }
}
