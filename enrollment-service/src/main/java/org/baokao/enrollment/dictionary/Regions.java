package org.baokao.enrollment.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provinces and their cities for the household registration (户籍所在省 + 市), GB/T 2260 six-digit codes, from
 * {@code regions.tsv} beside this class. Cities are prefecture-level divisions; a municipality lists its
 * districts and counties (the Shandong form shows 北京市 / 朝阳区); county-level cities governed directly by a
 * province stand as cities; Taiwan, Hong Kong and Macau list themselves.
 */
public final class Regions {

    /** A province-level division and its cities. */
    public record Province(String code, String name, List<DictionaryEntry> cities) {

        public Province {
            cities = List.copyOf(cities);
        }

        public boolean hasCity(String cityCode) {
            return cities.stream().anyMatch(city -> city.code().equals(cityCode));
        }
    }

    private final Map<String, Province> provinces;

    private Regions(Map<String, Province> provinces) {
        this.provinces = provinces;
    }

    static Regions load() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<DictionaryEntry>> cities = new LinkedHashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream("regions.tsv")) {
            if (in == null) {
                throw new IllegalStateException("regions.tsv is missing beside " + Regions.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 3) {
                    throw new IllegalStateException("regions.tsv: not code, name, parent: " + line);
                }
                if (cells[2].isEmpty()) {
                    names.put(cells[0], cells[1]);
                    cities.put(cells[0], new ArrayList<>());
                } else {
                    List<DictionaryEntry> ofProvince = cities.get(cells[2]);
                    if (ofProvince == null) {
                        throw new IllegalStateException("regions.tsv: city before its province: " + line);
                    }
                    ofProvince.add(new DictionaryEntry(cells[0], cells[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Province> provinces = new LinkedHashMap<>();
        names.forEach((code, name) -> provinces.put(code, new Province(code, name, cities.get(code))));
        return new Regions(java.util.Collections.unmodifiableMap(provinces));
    }

    public List<Province> provinces() {
        return List.copyOf(provinces.values());
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(code == null ? null : provinces.get(code));
    }

    /** Whether {@code provinceCode} is a province-level division, e.g. 370000. */
    public boolean isValid(String provinceCode) {
        return provinceCode != null && provinces.containsKey(provinceCode);
    }

    /** Whether {@code cityCode} is one of the cities of {@code provinceCode}, e.g. 370000 / 371700. */
    public boolean isValidCity(String provinceCode, String cityCode) {
        return province(provinceCode).map(province -> province.hasCity(cityCode)).orElse(false);
    }
}
