import Diagnostics
import Markdown

/// The "did you mean" for an unknown field name. Field names are English, but editors write Dutch: a
/// typo ("catgory") gets the nearest spelling, a Dutch word ("doel", "titel") the English field it means.
public enum FieldNames {
    /// Dutch words (lower case, no diacritics) and the English field names they may stand for, in order of
    /// likelihood; the first one the mapping knows is the suggestion.
    static let dutch: [String: [String]] = [
        "titel": ["title"], "naam": ["name", "title"], "datum": ["date"], "doel": ["goal", "objective"],
        "doelstelling": ["objective", "goal"], "thema": ["theme", "themes"], "themas": ["themes", "theme"],
        "samenvatting": ["summary"], "plaats": ["place", "places", "location"], "plaatsen": ["places", "place"],
        "categorie": ["category"], "doelgroep": ["targetGroup"], "webadres": ["website", "link"],
        "site": ["website"], "gestopt": ["stopped"], "beoordeling": ["assessment"], "verdienmodel": ["businessModel"],
        "kosten-baten": ["costBenefit"], "kostenbaten": ["costBenefit"], "jaar": ["year"], "soort": ["kind"],
        "bron": ["source"], "vorm": ["format"], "partner": ["partners"], "opbrengst": ["outcome"],
        "resultaat": ["result"], "nummering": ["numbering"], "resultaten": ["items"], "lijst": ["items"],
        "afkorting": ["abbreviation"], "opgericht": ["founded"], "oprichting": ["founded"], "leden": ["members"],
        "samenwerkingspartners": ["collaborators"], "fase": ["phase"], "fasen": ["phases"], "fases": ["phases"],
        "publicatie": ["publication"], "omschrijving": ["description"], "beschrijving": ["description"],
        "rollen": ["roles"], "rol": ["role", "roles"], "orgaan": ["body"], "organisatie": ["organisation"],
        "functie": ["function"], "begin": ["start"], "vanaf": ["start"], "einde": ["end", "ended"],
        "eind": ["end", "ended"], "tot": ["end"], "schooljaar": ["schoolYear"], "projectleider": ["projectLeader"],
        "klassen": ["classes"], "klas": ["class", "classes"], "advies": ["advice"], "interventies": ["interventions"],
        "niveau": ["level"], "niveaus": ["levels"], "notitie": ["note"], "toelichting": ["note"], "opmerking": ["note"],
        "oordeel": ["judgement"], "strategie": ["strategy"], "partij": ["party"], "investering": ["investment"],
        "baten": ["benefits", "income"], "lasten": ["expenses"], "gewicht": ["weight"],
        "volgorde": ["order", "weight"],
        "nummer": ["number"], "periode": ["period"], "looptijd": ["period"], "concept": ["draft"],
        "zichtbaarheid": ["visibility"], "bestand": ["file"], "kolom": ["column"], "hoofdstukken": ["chapters"],
        "hoofdstuk": ["chapters"], "voorwoord": ["foreword"], "ondertitel": ["subtitle"], "omslag": ["cover"],
        "auteur": ["author"], "schrijver": ["author"], "gegenereerd": ["generated"], "beeindigd": ["ended"],
        "afgerond": ["ended"], "afgelopen": ["ended"], "illustratief": ["illustrative"], "tijd": ["date"],
        "adres": ["address"], "locatie": ["location"], "plek": ["location"], "waar": ["location"],
        "bewerkurl": ["editURL"], "bewerk-url": ["editURL"], "aliassen": ["aliases"], "alias": ["aliases"],
        "oude-adressen": ["aliases"], "stad": ["city"], "email": ["email"], "e-mail": ["email"], "missie": ["mission"],
        "omschrijvingen": ["description"], "taal": ["language"], "menus": ["menus"], "doelen": ["targets"],
        "normen": ["targets"], "totalen": ["totals"], "kolomtotalen": ["columnTotals"], "somvan": ["sumOf"],
        "som": ["sumOf"], "rij": ["row"], "verdeling": ["distribution"], "balans": ["balanceSheet"],
        "kasstroom": ["cashFlow"], "kasstroomoverzicht": ["cashFlow"], "resultaatbestemming": ["appropriation"],
        "bestemming": ["appropriation"], "activa": ["assets"], "passiva": ["liabilities"],
        "liquide-middelen": ["cash"], "liquidemiddelen": ["cash"], "kas": ["cash"], "mutatie": ["change"],
        "vorigjaar": ["previousColumn"], "ondertekend": ["signedBy"], "ondertekenaar": ["signedBy"],
        "tags": ["tags"], "trefwoorden": ["tags"], "labels": ["tags"], "fte": ["fte"], "kvk": ["kvk"],
        "kvk-nummer": ["kvk"], "kvknummer": ["kvk"], "wettelijke-naam": ["legalName"], "statutairenaam": ["legalName"],
    ]

    /// The field of `known` that `key` most likely means: a close spelling, a known field in other
    /// capitals, or the English field for a Dutch word. Nil when nothing fits.
    public static func suggestion(for key: String, among known: [String]) -> String? {
        if let near = Suggestions.nearest(to: key, in: known) { return near }
        let folded = Slug.make(key, asciiOnly: true)
        for word in [folded, folded.replacingOccurrences(of: "-", with: "")] {
            if let meanings = dutch[word], let hit = meanings.first(where: known.contains) { return hit }
        }
        // A Dutch plural or a compound with a known field inside: "themas" → "themes", "startdatum" → "start".
        if folded.count >= 4, let hit = known.first(where: { folded.hasPrefix($0.lowercased()) && $0.count >= 4 }) {
            return hit
        }
        return nil
    }

    /// "onbekend veld 'doel' (activiteit); bedoelde je 'goal'?", with the valid fields as a note when
    /// nothing is close. `what` is the Dutch name of the mapping, or nil.
    public static func unknownFieldMessage(_ key: String, what: String?, known: [String]) -> (
        message: String, notes: [String]
    ) {
        var message = "onbekend veld '\(key)'" + (what.map { " (\($0))" } ?? "")
        var notes: [String] = []
        if let hit = suggestion(for: key, among: known) {
            message += "; bedoelde je '\(hit)'?"
        } else {
            var seen = Set<String>()
            notes.append("geldige velden: " + known.filter { seen.insert($0).inserted }.joined(separator: ", "))
        }
        return (message, notes)
    }
}
