import Escaping
import Foundation

/// The XMP metadata packet of a document (ISO 16684-1): the same title, author, subject, keywords,
/// tools and dates as the `/Info` dictionary (PDF/A wants them to agree), the language, and the
/// conformance claims: `pdfuaid:part 1` (PDF/UA-1) and, when claimed, `pdfaid:part 2` with conformance
/// `A` (PDF/A-2a). PDF/A accepts only the schemas it predefines, so the `pdfuaid` schema is described in
/// a PDF/A extension schema.
enum DocumentMetadataXMP {
    static func packet(_ metadata: DocumentMetadata, pdfUA: Bool, pdfA: Bool) -> [UInt8] {
        let date = PDFSyntax.xmpDate(metadata.creationDate)
        var x = """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about=""
              xmlns:dc="http://purl.org/dc/elements/1.1/"
              xmlns:xmp="http://ns.adobe.com/xap/1.0/"
              xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
              xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
              xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
              xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
              xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
              xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(escaped(metadata.title))</rdf:li></rdf:Alt></dc:title>

            """
        if !metadata.author.isEmpty {
            x += "<dc:creator><rdf:Seq><rdf:li>\(escaped(metadata.author))</rdf:li></rdf:Seq></dc:creator>\n"
        }
        if !metadata.subject.isEmpty {
            x +=
                "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(metadata.subject))</rdf:li></rdf:Alt></dc:description>\n"
        }
        x += "<dc:language><rdf:Bag><rdf:li>\(escaped(metadata.language))</rdf:li></rdf:Bag></dc:language>\n"
        if let keywords = metadata.keywords {
            x += "<pdf:Keywords>\(escaped(keywords))</pdf:Keywords>\n"
        }
        x += "<pdf:Producer>\(escaped(metadata.producer))</pdf:Producer>\n"
        x += "<xmp:CreatorTool>\(escaped(metadata.creator))</xmp:CreatorTool>\n"
        x +=
            "<xmp:CreateDate>\(date)</xmp:CreateDate>\n<xmp:ModifyDate>\(date)</xmp:ModifyDate>\n<xmp:MetadataDate>\(date)</xmp:MetadataDate>\n"
        if pdfA {
            x += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n"
        }
        if pdfUA {
            x += "<pdfuaid:part>1</pdfuaid:part>\n"
            x += """
                <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
                <pdfaProperty:name>part</pdfaProperty:name>
                <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                <pdfaProperty:category>internal</pdfaProperty:category>
                <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                </rdf:li></rdf:Seq></pdfaSchema:property>
                </rdf:li></rdf:Bag></pdfaExtension:schemas>

                """
        }
        x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"
        return Array(x.utf8)
    }

    /// Text for an XML element: control characters (not allowed in XML) left out, the rest escaped by
    /// the package's one escaper (its markupsafe style is valid XML).
    private static func escaped(_ text: String) -> String {
        var clean = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" {
            clean.append(scalar)
        }
        return HTMLEscaper.escape(String(clean))
    }
}

/// A small sRGB ICC profile (version 2.1, display class, about 1 KB), made in code for the PDF/A output
/// intent: the D50-adapted sRGB primaries of IEC 61966-2-1 and its tone curve as a 256-entry table.
enum SRGBProfile {
    static let bytes: [UInt8] = make()

    private static func make() -> [UInt8] {
        var tags: [(String, [UInt8])] = []
        func s15(_ v: Double) -> Int { Int((v * 65536).rounded()) }
        func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] {
            var w = FontWriter()
            w.tag("XYZ ")
            w.u32(0)
            w.u32(s15(x))
            w.u32(s15(y))
            w.u32(s15(z))
            return w.bytes
        }
        var desc = FontWriter()
        let name = "sRGB IEC61966-2.1 (breingen)"
        desc.tag("desc")
        desc.u32(0)
        desc.u32(name.utf8.count + 1)
        desc.bytes += Array(name.utf8) + [0]
        desc.u32(0)
        desc.u32(0)  // no Unicode description
        desc.u16(0)
        desc.bytes.append(0)
        desc.bytes += [UInt8](repeating: 0, count: 67)  // no ScriptCode description
        var cprt = FontWriter()
        cprt.tag("text")
        cprt.u32(0)
        cprt.bytes += Array("No copyright, use freely".utf8) + [0]
        var curve = FontWriter()
        curve.tag("curv")
        curve.u32(0)
        curve.u32(256)
        for i in 0..<256 {
            let v = Double(i) / 255
            let linear = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
            curve.u16(Int((linear * 65535).rounded()))
        }
        tags.append(("desc", desc.bytes))
        tags.append(("cprt", cprt.bytes))
        tags.append(("wtpt", xyz(0.9642, 1.0, 0.8249)))
        tags.append(("rXYZ", xyz(0.4361, 0.2225, 0.0139)))
        tags.append(("gXYZ", xyz(0.3851, 0.7169, 0.0971)))
        tags.append(("bXYZ", xyz(0.1431, 0.0606, 0.7141)))
        tags.append(("rTRC", curve.bytes))

        // Header, tag table (the three curves share one table), tag data 4-byte aligned.
        let tableSize = 4 + 12 * (tags.count + 2)
        var offset = 128 + tableSize
        var table = FontWriter()
        table.u32(tags.count + 2)
        var data: [UInt8] = []
        var curveOffset = 0
        for (sig, bytes) in tags {
            table.tag(sig)
            table.u32(offset)
            table.u32(bytes.count)
            if sig == "rTRC" { curveOffset = offset }
            data += bytes
            while data.count % 4 != 0 { data.append(0) }
            offset = 128 + tableSize + data.count
        }
        for sig in ["gTRC", "bTRC"] {
            table.tag(sig)
            table.u32(curveOffset)
            table.u32(curve.bytes.count)
        }
        var header = FontWriter()
        header.u32(128 + tableSize + data.count)
        header.u32(0)  // CMM
        header.u32(0x0210_0000)  // version 2.1
        header.tag("mntr")
        header.tag("RGB ")
        header.tag("XYZ ")
        for v in [2024, 1, 1, 0, 0, 0] { header.u16(v) }
        header.tag("acsp")
        header.u32(0)
        header.u32(0)
        header.u32(0)
        header.u32(0)
        header.u32(0)
        header.u32(0)
        header.u32(0)  // perceptual
        header.u32(s15(0.9642))
        header.u32(s15(1.0))
        header.u32(s15(0.8249))
        header.u32(0)  // creator
        header.bytes += [UInt8](repeating: 0, count: 128 - header.bytes.count)
        return header.bytes + table.bytes + data
    }
}
