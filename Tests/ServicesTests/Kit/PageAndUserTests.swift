import Broker
import BrokerTesting
import Services
import Testing

@Suite("Paging and the calling user")
struct PageAndUserTests {
    @Test("page requests default and clamp; pages count their pages")
    func paging() throws {
        #expect(PageRequest() == PageRequest(page: 1, pageSize: 20))
        #expect(PageRequest(page: 0, pageSize: 500) == PageRequest(page: 1, pageSize: 100))
        #expect(PageRequest(page: 3, pageSize: 10).offset == 20)
        let page = Page(rows: ["a", "b"], request: PageRequest(page: 2, pageSize: 2), total: 5)
        #expect(try JSONValueEncoder().encode(page) == ["rows": ["a", "b"], "page": 2, "pageSize": 2, "total": 5, "totalPages": 3])
        #expect(Page<String>(rows: [], request: PageRequest(), total: 0).totalPages == 0)
    }

    static let orders = ServiceSchema(name: "orders", actions: [
        ActionSchema("mine") { ctx in .int(try ctx.requireUser().id) },
        ActionSchema("all") { ctx in .string(try ctx.requireRole(.staff).email) },
        ActionSchema("get") { ctx in
            try ctx.requireOwner(7, of: "order", id: 42)
            return "order 42"
        },
    ])

    static func meta(_ user: StoreUser?) -> CallOptions {
        CallOptions(meta: user.map { ["user": $0.json] } ?? [:])
    }

    @Test("guests get 401, the wrong role 403, another customer's entity 404; staff and admins pass")
    func access() async throws {
        let cluster = try await TestCluster(["gateway": [], "commerce": [Self.orders]])
        try await cluster.start()
        let gateway = cluster["gateway"]
        let owner = StoreUser(id: 7, email: "ada@example.com", roles: [.customer])
        let other = StoreUser(id: 8, email: "bob@example.com", roles: [.customer])
        let staff = StoreUser(id: 1, email: "staff@example.com", roles: [.staff])
        let admin = StoreUser(id: 2, email: "root@example.com", roles: [.admin])
        func status(_ action: String, _ user: StoreUser?) async -> Int {
            do {
                _ = try await gateway.call(action, [:], options: Self.meta(user))
                return 200
            } catch let error as BrokerError {
                return error.status
            } catch {
                return -1
            }
        }
        #expect(await status("orders.mine", nil) == 401)
        #expect(try await gateway.call("orders.mine", [:], options: Self.meta(owner)) == 7)
        #expect(await status("orders.all", owner) == 403)
        #expect(await status("orders.all", staff) == 200)
        #expect(await status("orders.all", admin) == 200)
        #expect(await status("orders.get", owner) == 200)
        #expect(await status("orders.get", other) == 404)
        #expect(await status("orders.get", staff) == 200)
        let forged = CallOptions(meta: ["user": ["id": "7", "email": "x", "roles": ["customer"]]])
        let refused = await #expect(throws: BrokerError.self) { try await gateway.call("orders.mine", [:], options: forged) }
        #expect(refused?.status == 401)
        let forbidden = await #expect(throws: BrokerError.self) { try await gateway.call("orders.all", [:], options: Self.meta(owner)) }
        #expect(forbidden?.code == .forbidden)
        #expect(forbidden?.data == ["roles": ["staff"]])
        await cluster.stop()
    }
}
