package org.baokao.notification.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The templates as the desk sees them: the platform's texts ({@code sms_template}, {@code mail_template}), their
 * names and placeholders ({@code template_catalog}, {@code template_placeholder}), and each bureau's saved
 * versions ({@code template_version}).
 */
@Repository
class TemplateStore {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final JdbcClient jdbc;

    TemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The platform's templates of a kind, by code. */
    List<PlatformTemplate> platform(TemplateKind kind) {
        // catalogued ones in the catalogue's order, then any added later by code
        return jdbc.sql(platformQuery(kind) + " order by c.position nulls last, t.code").param(kind.name())
                .query(TemplateStore::platformRow).list();
    }

    Optional<PlatformTemplate> platform(TemplateKind kind, String code) {
        return jdbc.sql(platformQuery(kind) + " where t.code = ?").params(kind.name(), code)
                .query(TemplateStore::platformRow).optional();
    }

    /**
     * What may be written in the template: its catalogued placeholders, or, for a template added without a
     * catalogue entry, those its platform text uses, each required (its producers pass them all).
     */
    TemplateDefinition definition(PlatformTemplate template) {
        List<Placeholder> placeholders = jdbc.sql("""
                select name, label, required, sample from template_placeholder
                where kind = ? and code = ? order by position, name""")
                .params(template.kind().name(), template.code())
                .query((row, n) -> new Placeholder(row.getString("name"), row.getString("label"),
                        row.getBoolean("required"), row.getString("sample")))
                .list();
        if (placeholders.isEmpty()) {
            placeholders = new ArrayList<>();
            for (String text : new String[] { template.subject(), template.content() }) {
                Matcher found = PLACEHOLDER.matcher(text == null ? "" : text);
                while (found.find()) {
                    String name = found.group(1);
                    if (placeholders.stream().noneMatch(p -> p.name().equals(name))) {
                        placeholders.add(new Placeholder(name, name, true, "示例"));
                    }
                }
            }
        }
        return new TemplateDefinition(template.kind(), template.code(), template.title(), placeholders);
    }

    Optional<TemplateVersion> current(String bureau, TemplateKind kind, String code) {
        return jdbc.sql("""
                select * from template_version where bureau = ? and kind = ? and code = ?
                order by version desc limit 1""")
                .params(bureau, kind.name(), code).query(TemplateStore::versionRow).optional();
    }

    List<TemplateVersion> history(String bureau, TemplateKind kind, String code, int page, int size) {
        return jdbc.sql("""
                select * from template_version where bureau = ? and kind = ? and code = ?
                order by version desc limit ? offset ?""")
                .params(bureau, kind.name(), code, size, (long) page * size).query(TemplateStore::versionRow).list();
    }

    long versions(String bureau, TemplateKind kind, String code) {
        return jdbc.sql("select count(*) from template_version where bureau = ? and kind = ? and code = ?")
                .params(bureau, kind.name(), code).query(Long.class).single();
    }

    /**
     * Saves {@code text} as the version after {@code previous} (0: the first); answers false when another
     * administrator saved that version first (the unique key), so the caller refuses instead of overwriting.
     */
    boolean add(String bureau, TemplateKind kind, String code, int previous, TemplateText text, String note,
            String createdBy, String createdByName, Instant createdAt) {
        return jdbc.sql("""
                insert into template_version (id, bureau, kind, code, version, subject, content, note, created_by,
                                              created_by_name, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (bureau, kind, code, version) do nothing""")
                .params(UUID.randomUUID(), bureau, kind.name(), code, previous + 1, text.subject(), text.content(),
                        note, createdBy, createdByName, Timestamp.from(createdAt))
                .update() == 1;
    }

    private static String platformQuery(TemplateKind kind) {
        return kind == TemplateKind.MAIL
                ? """
                  select 'MAIL' as kind, t.code, coalesce(c.title, t.code) as title, t.subject, t.body as content, t.updated_at
                  from mail_template t left join template_catalog c on c.kind = ? and c.code = t.code"""
                : """
                  select 'SMS' as kind, t.code, coalesce(c.title, t.code) as title, null as subject, t.content, t.updated_at
                  from sms_template t left join template_catalog c on c.kind = ? and c.code = t.code""";
    }

    private static PlatformTemplate platformRow(ResultSet row, int n) throws SQLException {
        return new PlatformTemplate(TemplateKind.valueOf(row.getString("kind")), row.getString("code"),
                row.getString("title"), row.getString("subject"), row.getString("content"),
                row.getTimestamp("updated_at").toInstant());
    }

    private static TemplateVersion versionRow(ResultSet row, int n) throws SQLException {
        return new TemplateVersion(row.getInt("version"), row.getString("subject"), row.getString("content"),
                row.getString("note"), row.getString("created_by"), row.getString("created_by_name"),
                row.getTimestamp("created_at").toInstant());
    }

    /** A platform text: what a bureau without its own wording sends. */
    record PlatformTemplate(TemplateKind kind, String code, String title, String subject, String content,
            Instant updatedAt) {
    }
}
