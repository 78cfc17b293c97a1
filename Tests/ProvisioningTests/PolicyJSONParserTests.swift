import Testing

@testable import Provisioning

@Suite("JSON parser", .timeLimit(.minutes(10)))
struct PolicyJSONParserTests {
    @Test("parses every value kind and keeps member order and number literals")
    func valueKinds() throws {
        let parsed = try JSONParser.parse(#"{"b": [1.50, -2e3, true, false, null], "a": "x\u00e9\n\"\ud83d\ude00"}"#)
        #expect(parsed.value == .object([
            JSONMember("b", .array([.number("1.50"), .number("-2e3"), .bool(true), .bool(false), .null])),
            JSONMember("a", .string("xé\n\"😀")),
        ]))
    }

    @Test("records the line:column of keys and values")
    func positions() throws {
        let text = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow"}
              ]
            }
            """
        let parsed = try JSONParser.parse(text)
        let statement = JSONPath.root.appending("Statement")
        #expect(parsed.keyPositions[.root.appending("Version")] == SourcePosition(line: 2, column: 3))
        #expect(parsed.valuePositions[.root.appending("Version")] == SourcePosition(line: 2, column: 14))
        #expect(parsed.valuePositions[statement.appending(0)] == SourcePosition(line: 4, column: 5))
        #expect(parsed.keyPositions[statement.appending(0).appending("Effect")] == SourcePosition(line: 4, column: 6))
        #expect(parsed.position(of: statement.appending(0).appending("Missing")) == SourcePosition(line: 4, column: 5))
    }

    @Test("counts CR LF as one line break")
    func crlf() throws {
        let parsed = try JSONParser.parse("{\r\n\"a\": 1}")
        #expect(parsed.keyPositions[.root.appending("a")] == SourcePosition(line: 2, column: 1))
    }

    @Test("reports syntax errors with line:column and a plain message", arguments: [
        ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after object member"),
        ("[1, 2\n  3]", 2, 3, "expected ',' or ']' after array element"),
        ("{\"a\" 1}", 1, 6, "expected ':' after the member name \"a\""),
        ("{\"a\": 1,}", 1, 9, "trailing comma before '}'"),
        ("{a: 1}", 1, 2, "expected a member name in double quotes"),
        ("{\"a\": 'x'}", 1, 7, "strings must be in double quotes"),
        ("{\"a\": \"x", 1, 7, "unterminated string (it starts here)"),
        ("{\"a\": tru}", 1, 7, "expected true"),
        ("{\"a\": 01}", 1, 8, "numbers must not start with 0"),
        ("{} x", 1, 4, "unexpected text after the end of the JSON value"),
        ("  ", 1, 3, "the text is empty; expected a JSON value"),
        ("{\"a\": \"\\q\"}", 1, 9, "invalid escape \\q in a string"),
    ])
    func syntaxErrors(text: String, line: Int, column: Int, message: String) {
        #expect(throws: JSONSyntaxError(message: message, position: SourcePosition(line: line, column: column))) {
            try JSONParser.parse(text)
        }
    }

    @Test("rejects a raw control character inside a string")
    func controlCharacter() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("\"a\tb\"") }
    }

    @Test("notes duplicate keys at their second spelling")
    func duplicates() throws {
        let parsed = try JSONParser.parse("{\"a\": 1,\n \"a\": 2}")
        #expect(parsed.duplicateKeys == [.root.appending("a"): SourcePosition(line: 2, column: 2)])
    }

    @Test("prints four-space indented JSON and escapes what JSON requires")
    func printing() {
        let value = JSONValue.object([
            JSONMember("list", .array([.string("a\"b"), .number("1")])),
            JSONMember("empty", .array([])),
            JSONMember("nested", .object([JSONMember("tab", .string("\t\u{1}"))])),
        ])
        #expect(JSONPrinter.pretty(value) == """
            {
                "list": [
                    "a\\"b",
                    1
                ],
                "empty": [],
                "nested": {
                    "tab": "\\t\\u0001"
                }
            }
            """)
        #expect(JSONPrinter.compact(value) == #"{"list":["a\"b",1],"empty":[],"nested":{"tab":"\t\u0001"}}"#)
    }

    @Test("printed text parses back to the same value")
    func roundTrip() throws {
        let value = JSONValue.object([
            JSONMember("s", .string("é/😀\\")), JSONMember("n", .number("-0.5E+2")), JSONMember("z", .null),
        ])
        #expect(try JSONParser.parse(JSONPrinter.pretty(value)).value == value)
    }
}
