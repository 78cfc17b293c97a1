import Foundation
import Testing
import TestSupport

@testable import IAMClient

/// Plain http:// only to this machine, decided from the address, never
/// from the spelling of a name, and every loopback form actually works.
@Suite("Loopback endpoints", .heavy)
struct LoopbackEndpointTests {
    @Test(arguments: [
        ("http://localhost.:5000", false), ("http://localhost.localdomain:1", false), ("http://127.0.0.1.nip.io", false),
        ("http://127.1", false), ("http://2130706433", false), ("http://0x7f000001", false), ("http://[::2]", false),
        ("http://[fe80::1]", false), ("http://[::ffff:10.0.0.1]", false),
        ("HTTP://127.0.0.1:5000", true), ("http://LocalHost:1", true), ("http://[0:0:0:0:0:0:0:1]:9", true),
        ("http://[::ffff:127.0.0.9]", true), ("http://127.255.255.254", true),
    ])
    func plainHTTPIsForLoopbackAddressesOnly(_ url: String, _ accepted: Bool) throws {
        if accepted {
            let checked = try EndpointURL.validate(url, origin: "--endpoint-url")
            #expect(checked.scheme == "http", "URLSession on Linux needs the scheme in lower case")
            #expect(checked.host.map { LoopbackAddress(host: $0) != nil } == true)
            #expect(checked.host != "localhost", "localhost is sent to 127.0.0.1, never looked up")
        } else {
            #expect(throws: ClientConfigurationError.self) { try EndpointURL.validate(url, origin: "--endpoint-url") }
        }
    }

    /// The address rule agrees with Python's `ipaddress` on generated
    /// address-like text (dotted quads, IPv6 with `::`, mapped forms).
    @Test func loopbackAgreesWithPythonsIPAddress() async throws {
        var random = SeededRandom(seed: 0x100B)
        let pieces = ["127", "0", "1", "255", "10", "00", "::", ":", "ffff", "7f00", "1", ".", "::1", "0:0", "fe80"]
        var hosts = (0..<3000).map { _ in
            (0..<Int.random(in: 1...7, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        hosts += ["127.0.0.1", "::1", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1", "127.0.0.01", "::ffff:7f00:1"]
        let script = """
            import ipaddress, json, sys
            def loop(h):
                try: a = ipaddress.ip_address(h)
                except ValueError: return False
                mapped = getattr(a, "ipv4_mapped", None)
                return bool(a.is_loopback or (mapped is not None and mapped.is_loopback))
            json.dump([loop(h) for h in json.load(sys.stdin)], sys.stdout)
            """
        let expected = try await PythonOracle.answer(script, for: hosts, as: [Bool].self)
        for (host, loopback) in zip(hosts, expected) {
            #expect((LoopbackAddress(host: host) != nil) == loopback, "\(host)")
        }
    }

    /// moto on ::1 answers rolewiz at http://[::1]:PORT (URLSession on Linux
    /// cannot reach IPv6 literals; the loopback exchange can).
    @Test func anEmulatorOnIPv6LoopbackWorks() async throws {
        let moto = try await MotoServer.startOrSkip(environment: ["ROLEWIZ_MOTO_HOST": "::1"])
        defer { moto.stop() }
        #expect(moto.endpoint.absoluteString.hasPrefix("http://[::1]:"))
        let session = try AWSSession.resolve(ClientOptions(
            endpointURL: moto.endpoint.absoluteString,
            environment: ["AWS_ACCESS_KEY_ID": "AKIAIPV6LOOPBACK", "AWS_SECRET_ACCESS_KEY": "ipv6-secret", "AWS_EC2_METADATA_DISABLED": "true"],
            profiles: ProfileStore()))
        let identity = try await session.sts.getCallerIdentity()
        #expect(!identity.account.isEmpty)
        let name = MotoServer.uniqueName("v6")
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        _ = try await session.iam.createRole(CreateRoleInput(roleName: name, assumeRolePolicyDocument: trust))
        #expect(try await session.iam.getRole(name: name).roleName == name)
    }
}
