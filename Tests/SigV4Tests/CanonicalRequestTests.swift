import SigV4
import Testing

@Suite("CanonicalRequest", .timeLimit(.minutes(10)))
struct CanonicalRequestTests {
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    static func canonical(path: String = "/", query: String = "", headers: [(String, String)] = [("Host", "h")], isS3: Bool = false) -> CanonicalRequest {
        CanonicalRequest(method: "get", path: path, query: query, headers: headers, payloadHash: emptyHash, isS3: isS3)
    }

    @Test("Header values are trimmed and inner whitespace runs collapse to one space", arguments: [
        ("value", "value"),
        ("  value  ", "value"),
        ("\"a   b   c\"", "\"a b c\""),
        ("a\tb \t c", "a b c"),
        ("value1\n  value2\n     value3", "value1 value2 value3"),
        ("a\r\n b", "a b"),
        ("", ""),
        ("   \t ", ""),
        ("é  日本", "é 日本"),
    ])
    func trimming(raw: String, canonical: String) {
        let request = Self.canonical(headers: [("Host", "h"), ("My-Header", raw)])
        #expect(request.canonicalHeaders == "host:h\nmy-header:\(canonical)\n")
    }

    @Test("Names are lower-cased and sorted; repeats join with commas in order of appearance")
    func namesAndRepeats() {
        let request = Self.canonical(headers: [
            ("X-Amz-Date", "20150830T123600Z"),
            ("My-Header1", "value4"),
            ("Host", "example.amazonaws.com"),
            ("my-header1", " value1 "),
            ("MY-HEADER1", "value3"),
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        ])
        #expect(request.canonicalHeaders == """
            content-type:application/x-www-form-urlencoded; charset=utf-8
            host:example.amazonaws.com
            my-header1:value4,value1,value3
            x-amz-date:20150830T123600Z

            """)
        #expect(request.signedHeaders == "content-type;host;my-header1;x-amz-date")
        #expect(request.method == "GET")
    }

    @Test("User-Agent, hop-by-hop headers and Authorization are never signed", arguments: [
        "User-Agent", "user-agent", "Authorization", "Expect", "X-Amzn-Trace-Id", "Transfer-Encoding", "Connection",
    ])
    func unsignedHeaders(name: String) {
        let request = Self.canonical(headers: [("Host", "h"), (name, "v")])
        #expect(request.signedHeaders == "host")
        #expect(request.canonicalHeaders == "host:h\n")
    }

    @Test("The wire path is normalized and encoded a second time", arguments: [
        ("", "/"),
        ("/", "/"),
        ("/a%20b/", "/a%2520b/"),
        ("/a%2Fb", "/a%252Fb"),
        ("/example space/", "/example%20space/"),
        ("/$delete", "/%24delete"),
        ("/ሴ", "/%E1%88%B4"),
        ("//a//b//", "/a/b/"),
        ("/a/./b/../c", "/a/c"),
        ("/a/b/..", "/a/"),
        ("/../..", "/"),
        ("/a/.", "/a/"),
        ("/~user", "/~user"),
    ])
    func pathForServices(path: String, canonicalURI: String) {
        #expect(Self.canonical(path: path).canonicalURI == canonicalURI)
    }

    @Test("S3 paths are encoded once and never normalized", arguments: [
        ("/my-object//example//photo.user", "/my-object//example//photo.user"),
        ("/a%20b/./c", "/a%20b/./c"),
        ("/a b+c", "/a%20b%2Bc"),
        ("", "/"),
    ])
    func pathForS3(path: String, canonicalURI: String) {
        #expect(Self.canonical(path: path, isS3: true).canonicalURI == canonicalURI)
    }

    @Test("The query is strictly re-encoded and sorted by key, then value", arguments: [
        ("", ""),
        ("Param2=value2&Param1=value1", "Param1=value1&Param2=value2"),
        ("Param1=value2&Param1=Value1", "Param1=Value1&Param1=value2"),
        ("Param-3=Value3&Param=Value2&%E1%88%B4=Value1", "%E1%88%B4=Value1&Param=Value2&Param-3=Value3"),
        ("ሴ=bar", "%E1%88%B4=bar"),
        ("a=%2f%7e", "a=%2F~"),
        ("a=b+c", "a=b%2Bc"),
        ("a=b%20c", "a=b%20c"),
        ("key&empty=&=v", "=v&empty=&key="),
        ("a=1&&b=2", "a=1&b=2"),
        ("a=x=y", "a=x%3Dy"),
        ("bad=%FF%fe", "bad=%FF%FE"),
        ("pct=100%", "pct=100%25"),
    ])
    func query(query: String, canonicalQuery: String) {
        #expect(Self.canonical(query: query).canonicalQuery == canonicalQuery)
    }

    @Test("The text joins the six parts with line feeds")
    func text() {
        let request = Self.canonical(path: "/a", query: "b=c")
        #expect(request.text == "GET\n/a\nb=c\nhost:h\n\nhost\n\(Self.emptyHash)")
    }
}
