import XCTest

@testable import ContentModel

/// A `website` written without https:// (check warns) still links to the web, never relative to the page.
final class WebAddressTests: XCTestCase {
    func testAnAddressWithoutSchemeGetsHTTPS() {
        XCTAssertEqual(WebAddress.full("www.taalcafe.example"), "https://www.taalcafe.example")
        XCTAssertEqual(WebAddress.full("voorbeeld.nl/over-ons/"), "https://voorbeeld.nl/over-ons/")
    }

    func testOtherAddressesStayAsWritten() {
        for text in [
            "https://voorbeeld.nl/", "http://voorbeeld.nl", "mailto:info@voorbeeld.nl", "/themas/",
            "voorbeeld", "rapport.pdf ", "twee woorden.nl", ".nl", "a..b",
        ] {
            XCTAssertEqual(WebAddress.full(text), text)
        }
    }
}
