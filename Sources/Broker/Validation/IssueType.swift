/// The kinds of validation failure, named and worded as fastest-validator names and words them,
/// so clients written for Moleculer read Quark's `ValidationError` data unchanged.
///
/// A template may use `{field}` (the field path, or the rule's label), `{expected}` and `{actual}`.
enum IssueType: String, Sendable {
    case required
    case string, stringEmpty, stringMin, stringMax, stringLength, stringPattern, stringContains, stringEnum
    case stringNumeric, stringAlpha, stringAlphanum, stringAlphadash, stringHex, stringSingleLine, stringBase64
    case number, numberMin, numberMax, numberEqual, numberNotEqual, numberInteger, numberPositive, numberNegative
    case array, arrayEmpty, arrayMin, arrayMax, arrayLength, arrayContains, arrayUnique, arrayEnum
    case tuple, tupleEmpty, tupleLength
    case boolean, date, enumValue, equalValue, forbidden
    case email, emailEmpty, emailMin, emailMax, url, urlEmpty, uuid, uuidVersion
    case object, objectStrict, objectMinProps, objectMaxProps

    /// The default English message.
    var template: String {
        switch self {
        case .required: "The '{field}' field is required."
        case .string: "The '{field}' field must be a string."
        case .stringEmpty: "The '{field}' field must not be empty."
        case .stringMin: "The '{field}' field length must be greater than or equal to {expected} characters long."
        case .stringMax: "The '{field}' field length must be less than or equal to {expected} characters long."
        case .stringLength: "The '{field}' field length must be {expected} characters long."
        case .stringPattern: "The '{field}' field fails to match the required pattern."
        case .stringContains: "The '{field}' field must contain the '{expected}' text."
        case .stringEnum: "The '{field}' field does not match any of the allowed values."
        case .stringNumeric: "The '{field}' field must be a numeric string."
        case .stringAlpha: "The '{field}' field must be an alphabetic string."
        case .stringAlphanum: "The '{field}' field must be an alphanumeric string."
        case .stringAlphadash: "The '{field}' field must be an alphadash string."
        case .stringHex: "The '{field}' field must be a hex string."
        case .stringSingleLine: "The '{field}' field must be a single line string."
        case .stringBase64: "The '{field}' field must be a base64 string."
        case .number: "The '{field}' field must be a number."
        case .numberMin: "The '{field}' field must be greater than or equal to {expected}."
        case .numberMax: "The '{field}' field must be less than or equal to {expected}."
        case .numberEqual: "The '{field}' field must be equal to {expected}."
        case .numberNotEqual: "The '{field}' field can't be equal to {expected}."
        case .numberInteger: "The '{field}' field must be an integer."
        case .numberPositive: "The '{field}' field must be a positive number."
        case .numberNegative: "The '{field}' field must be a negative number."
        case .array, .tuple: "The '{field}' field must be an array."
        case .arrayEmpty, .tupleEmpty: "The '{field}' field must not be an empty array."
        case .arrayMin: "The '{field}' field must contain at least {expected} items."
        case .arrayMax: "The '{field}' field must contain less than or equal to {expected} items."
        case .arrayLength, .tupleLength: "The '{field}' field must contain {expected} items."
        case .arrayContains: "The '{field}' field must contain the '{expected}' item."
        case .arrayUnique: "The '{actual}' value in '{field}' field does not unique the '{expected}' values."
        case .arrayEnum: "The '{actual}' value in '{field}' field does not match any of the '{expected}' values."
        case .boolean: "The '{field}' field must be a boolean."
        case .date: "The '{field}' field must be a Date."
        case .enumValue: "The '{field}' field value '{expected}' does not match any of the allowed values."
        case .equalValue: "The '{field}' field value must be equal to '{expected}'."
        case .forbidden: "The '{field}' field is forbidden."
        case .email: "The '{field}' field must be a valid e-mail."
        case .emailEmpty, .urlEmpty: "The '{field}' field must not be empty."
        case .emailMin: "The '{field}' field length must be greater than or equal to {expected} characters long."
        case .emailMax: "The '{field}' field length must be less than or equal to {expected} characters long."
        case .url: "The '{field}' field must be a valid URL."
        case .uuid: "The '{field}' field must be a valid UUID."
        case .uuidVersion: "The '{field}' field must be a valid UUID version provided."
        case .object: "The '{field}' must be an Object."
        case .objectStrict: "The object '{field}' contains forbidden keys: '{actual}'."
        case .objectMinProps: "The object '{field}' must contain at least {expected} properties."
        case .objectMaxProps: "The object '{field}' must contain {expected} properties at most."
        }
    }
}
