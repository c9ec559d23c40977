import ContentModel

/// The knowledge base as page builders read it: lists of tracked items, so every item, field and place
/// a page reads is recorded. Lists are made once per build (`SiteData.list`).
struct TrackedContent {
    let data: SiteData

    /// The site settings (`content/site.yml`), an item like the others.
    var site: Tracked<SiteSettings> {
        Tracked(item: data.knowledgeBase.site, id: data.siteID)
    }

    var themes: TrackedList<Theme> { TrackedList(data: data.themesList) }

    /// The themes that run in `year`, or have content in it.
    func themes(in year: Int) -> TrackedList<Theme> {
        data.list(.themesIn(year), of: data.knowledgeBase.themes(in: year))
    }

    func theme(_ slug: String) -> Tracked<Theme>? { themes.first(slug: slug) }

    /// The best practices, newest first.
    var practices: TrackedList<BestPractice> { TrackedList(data: data.practicesList) }

    /// The best practices of a theme, newest first.
    func practices(ofTheme slug: String) -> TrackedList<BestPractice> {
        data.practices(.practicesOfTheme(slug), data.index.byTheme[slug] ?? [])
    }

    /// The best practices with a tag (by its slug), newest first.
    func practices(ofTag slug: String) -> TrackedList<BestPractice> {
        data.practices(.practicesOfTag(slug), data.tagMembers[slug] ?? [])
    }

    var insights: TrackedList<Insight> { data.list(.insights, of: data.knowledgeBase.insights) }
    var activities: TrackedList<Activity> { data.list(.activities, of: data.knowledgeBase.activities) }
    var alliances: TrackedList<Alliance> { data.list(.alliances, of: data.knowledgeBase.alliances) }
    var publications: TrackedList<Publication> { data.list(.publications, of: data.knowledgeBase.publications) }
    var people: TrackedList<Person> { data.list(.people, of: data.knowledgeBase.people) }
    var scans: TrackedList<SchoolScan> { data.list(.scans, of: data.knowledgeBase.schoolScans) }
    var finance: TrackedList<FinancialYear> { data.list(.finance, of: data.knowledgeBase.finance) }
    var pages: TrackedList<Page> { data.list(.pages, of: data.knowledgeBase.pages) }
    var results: TrackedList<ResultList> { data.list(.results, of: data.knowledgeBase.results) }

    func publication(_ slug: String) -> Tracked<Publication>? { publications.first(slug: slug) }

    /// What a theme's page shows of the other kinds of content.
    func digest(_ slug: String) -> TrackedDigest {
        let digest = data.knowledgeBase.byTheme[slug]
        return TrackedDigest(
            results: data.list(.themeResults(slug), of: digest?.results ?? []),
            insights: data.list(.themeInsights(slug), of: digest?.insights ?? []),
            alliances: data.list(.themeAlliances(slug), of: digest?.alliances ?? []),
            activities: data.list(.themeActivities(slug), of: digest?.activities ?? []),
            publications: data.list(.themePublications(slug), of: digest?.publications ?? []))
    }
}

/// A theme's results, insights, alliances, activities and publications, tracked.
struct TrackedDigest {
    var results: TrackedList<ResultList>
    var insights: TrackedList<Insight>
    var alliances: TrackedList<Alliance>
    var activities: TrackedList<Activity>
    var publications: TrackedList<Publication>
}
