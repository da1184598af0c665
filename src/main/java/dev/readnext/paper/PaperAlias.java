package dev.readnext.paper;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Another name a paper goes by ("RoPE" for RoFormer), with its matching key. */
@Entity
@Table(name = "paper_alias")
public class PaperAlias extends PanacheEntityBase {

    public enum Source {
        /** kept as data in db/seed */
        CURATED,
        /** a title variant seen in an imported list */
        LIST,
        /** added through the API */
        EDITOR
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "paper_id")
    public Long paperId;

    public String alias;

    @Column(name = "alias_key")
    public String aliasKey;

    @Enumerated(EnumType.STRING)
    public Source source;

    public static List<PaperAlias> forPapers(List<Long> paperIds) {
        return list("paperId in ?1 order by id", paperIds);
    }
}
