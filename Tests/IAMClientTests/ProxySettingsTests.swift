import Foundation
import Testing
@testable import IAMClient

@Suite("Proxy settings from the environment", .timeLimit(.minutes(10)))
struct ProxySettingsTests {
    @Test func readsBothCasesPreferringLowerCase() {
        let settings = ProxySettings.from(environment: [
            "HTTPS_PROXY": "http://upper.example.com:3128", "https_proxy": "http://lower.example.com:8080",
            "HTTP_PROXY": "plain.example.com", "NO_PROXY": "internal.example.com, .corp.example, *.lab.example",
        ])
        #expect(settings.httpsProxy == ProxySettings.Proxy(host: "lower.example.com", port: 8080))
        #expect(settings.httpProxy == ProxySettings.Proxy(host: "plain.example.com", port: 80))
        #expect(settings.noProxy == ["internal.example.com", "corp.example", "lab.example"])
    }

    @Test func loopbackIsNeverProxied() {
        let settings = ProxySettings.from(environment: ["HTTPS_PROXY": "proxy.example.com:3128", "HTTP_PROXY": "proxy.example.com:3128"])
        for url in ["http://127.0.0.1:5000", "http://localhost:4566", "http://[::1]:5000", "https://127.9.9.9"] {
            #expect(settings.proxy(for: URL(string: url)!) == nil, "\(url)")
        }
        #expect(settings.proxy(for: URL(string: "https://iam.amazonaws.com")!)?.host == "proxy.example.com")
    }

    @Test func noProxyMatchesDomainsAndPorts() {
        let settings = ProxySettings.from(environment: ["HTTPS_PROXY": "proxy:3128", "NO_PROXY": "amazonaws.com.cn,example.org:8443"])
        #expect(settings.proxy(for: URL(string: "https://iam.cn-north-1.amazonaws.com.cn")!) == nil)
        #expect(settings.proxy(for: URL(string: "https://amazonaws.com.cn")!) == nil)
        #expect(settings.proxy(for: URL(string: "https://notamazonaws.com.cn")!) != nil)
        #expect(settings.proxy(for: URL(string: "https://api.example.org:8443")!) == nil)
        #expect(settings.proxy(for: URL(string: "https://api.example.org")!) != nil)
        let everything = ProxySettings.from(environment: ["HTTPS_PROXY": "proxy:3128", "no_proxy": "*"])
        #expect(everything.proxy(for: URL(string: "https://iam.amazonaws.com")!) == nil)
    }

    @Test func connectionProxyDictionaryListsLoopbackExceptions() throws {
        let dictionary = ProxySettings.from(environment: ["HTTPS_PROXY": "http://proxy.example.com:3128", "NO_PROXY": "corp.example"])
            .connectionProxyDictionary
        #expect(dictionary["HTTPSEnable"] as? Int == 1)
        #expect(dictionary["HTTPSProxy"] as? String == "proxy.example.com")
        #expect(dictionary["HTTPSPort"] as? Int == 3128)
        #expect(dictionary["HTTPEnable"] as? Int == 0)
        let exceptions = try #require(dictionary["ExceptionsList"] as? [String])
        #expect(exceptions.contains("127.0.0.1") && exceptions.contains("localhost") && exceptions.contains("::1"))
        #expect(exceptions.contains("*.corp.example"))
    }

    @Test func noProxyValueAddsOnlyMissingLoopbackHosts() {
        #expect(ProxySettings.noProxyValue(addingLoopbackTo: nil) == "localhost,127.0.0.1,127.0.0.0/8,::1")
        #expect(ProxySettings.noProxyValue(addingLoopbackTo: "corp.example,localhost") == "corp.example,localhost,127.0.0.1,127.0.0.0/8,::1")
    }

    @Test func urlErrorsMapToTransportKinds() {
        let url = URL(string: "http://127.0.0.1:5000")!
        #expect(URLSessionTransport.transportError(URLError(.timedOut), url: url).kind == .timedOut)
        #expect(URLSessionTransport.transportError(URLError(.networkConnectionLost), url: url).kind == .connectionLost)
        #expect(URLSessionTransport.transportError(URLError(.cannotConnectToHost), url: url).kind == .cannotConnect)
        #expect(URLSessionTransport.transportError(URLError(.cannotFindHost), url: url).kind == .other)
        #expect(URLSessionTransport.transportError(URLError(.timedOut), url: url).message.contains("127.0.0.1:5000"))
    }

    @Test func aClosedLoopbackPortIsCannotConnect() async throws {
        // Port 1 on loopback is closed on any test machine; nothing leaves this host.
        let transport = URLSessionTransport(environment: [:])
        let error = await #expect(throws: TransportError.self) {
            try await transport.send(HTTPRequest(method: "POST", url: URL(string: "http://127.0.0.1:1/")!, timeout: 5))
        }
        #expect(error?.kind == .cannotConnect)
    }
}
