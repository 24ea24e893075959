/// The delegations a generated negotiation draws from: States and groups as they sit in a UN room.
public enum Delegations {
  /// The first `count` names (up to 190): the groups first, then States in alphabetical order.
  public static func first(_ count: Int) -> [String] {
    Array(all.prefix(max(1, min(count, all.count))))
  }

  static let all: [String] = """
    European Union|Group of African States|Group of 77 and China|Afghanistan|Albania|Algeria|Andorra|\
    Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|\
    Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|\
    Brazil|Brunei Darussalam|Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cambodia|Cameroon|Canada|\
    Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|Croatia|\
    Cuba|Cyprus|Czechia|Democratic Republic of the Congo|Denmark|Djibouti|Dominica|Dominican Republic|\
    Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|\
    Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|\
    Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|\
    Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Lao People's Democratic Republic|Latvia|Lebanon|\
    Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|\
    Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Monaco|Mongolia|Montenegro|Morocco|\
    Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|\
    North Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|Peru|Philippines|\
    Poland|Portugal|Qatar|Republic of Korea|Republic of Moldova|Romania|Russian Federation|Rwanda|\
    Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|\
    Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|\
    Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|\
    Switzerland|Syrian Arab Republic|Tajikistan|Thailand|Timor-Leste|Togo|Tonga|Trinidad and Tobago|\
    Tunisia|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|\
    United Republic of Tanzania|United States|Uruguay|Uzbekistan|Vanuatu|Venezuela|Viet Nam|Yemen|\
    Zambia|Zimbabwe
    """.split(separator: "|").map { String($0) }
}
