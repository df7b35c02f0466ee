/// An action's input type that carries its own refinements, so that its params schema can be
/// inferred from the type alone with `ParamSchema(inferring:)`:
///
/// ```swift
/// struct WelcomeParams: ActionParams {
///     let name: String
///     static let rules = ["name": "min:1|max:100"]
/// }
/// let schema = try ParamSchema(inferring: WelcomeParams.self)  // ["name": "string|min:1|max:100"]
/// ```
public protocol ActionParams: Decodable, Sendable {
    /// Refinements added to the rules inferred from the type, per field: ["name": "min:1|max:100"].
    static var rules: [String: String] { get }
}

extension ActionParams {
    /// No refinements: the inferred rules as they are.
    public static var rules: [String: String] { [:] }
}
