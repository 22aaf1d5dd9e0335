// convert_angle, convert_energy, convert_force, convert_length, convert_mass, convert_speed,
// convert_temperature, convert_volume: value converted from one unit to another (reference pages
// "convert_angle()" ... "convert_volume()"). An unknown unit name or a null value gives null.
//
// Kusto converts with the UnitsNet library: the value goes to the quantity's base unit and from
// there to the target unit, each step with UnitsNet's own formula. The formulas below keep
// UnitsNet's operations and their order (not a single folded factor) so results round the same
// way; e.g. AcreFoot is base * 0.000810714, which is why the documented
// convert_volume(1.2, 'CubicMeter', 'AcreFoot') prints 0.0009728568. Temperatures are affine.
// A prefixed unit is its unprefixed formula then the prefix factor, as UnitsNet generates it.
// The accepted names are exactly the ones each reference page lists, matched case-sensitively
// (UnitsNet parses unit names as enum names).
#include <cmath>
#include <numbers>
#include <span>
#include <string_view>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

namespace {

struct Unit {
  std::string_view name;
  double (*to_base)(double);
  double (*from_base)(double);
};

// One table row: the unit's name, its value in the base unit, and the base value in the unit.
#define UNIT(NAME, TO_BASE, FROM_BASE) \
  Unit { NAME, [](double x) { return TO_BASE; }, [](double x) { return FROM_BASE; } }

constexpr double kPi = std::numbers::pi;

// Base unit: Degree.
constexpr Unit kAngle[] = {
    UNIT("Arcminute", x / 60, x * 60),
    UNIT("Arcsecond", x / 3600, x * 3600),
    UNIT("Centiradian", (x * 180 / kPi) * 1e-2, (x / 180 * kPi) / 1e-2),
    UNIT("Deciradian", (x * 180 / kPi) * 1e-1, (x / 180 * kPi) / 1e-1),
    UNIT("Degree", x, x),
    UNIT("Gradian", x * 0.9, x / 0.9),
    UNIT("Microdegree", x * 1e-6, x / 1e-6),
    UNIT("Microradian", (x * 180 / kPi) * 1e-6, (x / 180 * kPi) / 1e-6),
    UNIT("Millidegree", x * 1e-3, x / 1e-3),
    UNIT("Milliradian", (x * 180 / kPi) * 1e-3, (x / 180 * kPi) / 1e-3),
    UNIT("Nanodegree", x * 1e-9, x / 1e-9),
    UNIT("Nanoradian", (x * 180 / kPi) * 1e-9, (x / 180 * kPi) / 1e-9),
    UNIT("NatoMil", x * 9 / 160, x * 160 / 9),
    UNIT("Radian", x * 180 / kPi, x / 180 * kPi),
    UNIT("Revolution", x * 360, x / 360),
    UNIT("Tilt", std::asin(x) * 180 / kPi, std::sin(x / 180 * kPi)),
};

// Base unit: Joule.
constexpr Unit kEnergy[] = {
    UNIT("BritishThermalUnit", x * 1055.05585262, x / 1055.05585262),
    UNIT("Calorie", x * 4.184, x / 4.184),
    UNIT("DecathermEc", (x * 1.05505585262e8) * 1e1, (x / 1.05505585262e8) / 1e1),
    UNIT("DecathermImperial", (x * 1.05505585257348e8) * 1e1, (x / 1.05505585257348e8) / 1e1),
    UNIT("DecathermUs", (x * 1.054804e8) * 1e1, (x / 1.054804e8) / 1e1),
    UNIT("ElectronVolt", x * 1.602176565e-19, x / 1.602176565e-19),
    UNIT("Erg", x * 1e-7, x / 1e-7),
    UNIT("FootPound", x * 1.355817948, x / 1.355817948),
    UNIT("GigabritishThermalUnit", (x * 1055.05585262) * 1e9, (x / 1055.05585262) / 1e9),
    UNIT("GigaelectronVolt", (x * 1.602176565e-19) * 1e9, (x / 1.602176565e-19) / 1e9),
    UNIT("Gigajoule", x * 1e9, x / 1e9),
    UNIT("GigawattDay", (x * 24 * 3600) * 1e9, (x / (24 * 3600)) / 1e9),
    UNIT("GigawattHour", (x * 3600) * 1e9, (x / 3600) / 1e9),
    UNIT("HorsepowerHour", x * 2.6845195377e6, x / 2.6845195377e6),
    UNIT("Joule", x, x),
    UNIT("KilobritishThermalUnit", (x * 1055.05585262) * 1e3, (x / 1055.05585262) / 1e3),
    UNIT("Kilocalorie", (x * 4.184) * 1e3, (x / 4.184) / 1e3),
    UNIT("KiloelectronVolt", (x * 1.602176565e-19) * 1e3, (x / 1.602176565e-19) / 1e3),
    UNIT("Kilojoule", x * 1e3, x / 1e3),
    UNIT("KilowattDay", (x * 24 * 3600) * 1e3, (x / (24 * 3600)) / 1e3),
    UNIT("KilowattHour", (x * 3600) * 1e3, (x / 3600) / 1e3),
    UNIT("MegabritishThermalUnit", (x * 1055.05585262) * 1e6, (x / 1055.05585262) / 1e6),
    UNIT("Megacalorie", (x * 4.184) * 1e6, (x / 4.184) / 1e6),
    UNIT("MegaelectronVolt", (x * 1.602176565e-19) * 1e6, (x / 1.602176565e-19) / 1e6),
    UNIT("Megajoule", x * 1e6, x / 1e6),
    UNIT("MegawattDay", (x * 24 * 3600) * 1e6, (x / (24 * 3600)) / 1e6),
    UNIT("MegawattHour", (x * 3600) * 1e6, (x / 3600) / 1e6),
    UNIT("Millijoule", x * 1e-3, x / 1e-3),
    UNIT("TeraelectronVolt", (x * 1.602176565e-19) * 1e12, (x / 1.602176565e-19) / 1e12),
    UNIT("TerawattDay", (x * 24 * 3600) * 1e12, (x / (24 * 3600)) / 1e12),
    UNIT("TerawattHour", (x * 3600) * 1e12, (x / 3600) / 1e12),
    UNIT("ThermEc", x * 1.05505585262e8, x / 1.05505585262e8),
    UNIT("ThermImperial", x * 1.05505585257348e8, x / 1.05505585257348e8),
    UNIT("ThermUs", x * 1.054804e8, x / 1.054804e8),
    UNIT("WattDay", x * 24 * 3600, x / (24 * 3600)),
    UNIT("WattHour", x * 3600, x / 3600),
};

// Base unit: Newton.
constexpr Unit kForce[] = {
    UNIT("Decanewton", x * 1e1, x / 1e1),
    UNIT("Dyn", x / 1e5, x * 1e5),
    UNIT("KilogramForce", x * 9.80665, x / 9.80665),
    UNIT("Kilonewton", x * 1e3, x / 1e3),
    UNIT("KiloPond", x * 9.80665, x / 9.80665),
    UNIT("KilopoundForce", (x * 4.4482216152605) * 1e3, (x / 4.4482216152605) / 1e3),
    UNIT("Meganewton", x * 1e6, x / 1e6),
    UNIT("Micronewton", x * 1e-6, x / 1e-6),
    UNIT("Millinewton", x * 1e-3, x / 1e-3),
    UNIT("Newton", x, x),
    UNIT("OunceForce", x * (4.4482216152605 / 16), x / (4.4482216152605 / 16)),
    UNIT("Poundal", x * 0.138254954376, x / 0.138254954376),
    UNIT("PoundForce", x * 4.4482216152605, x / 4.4482216152605),
    UNIT("ShortTonForce", x * (4.4482216152605 * 2000), x / (4.4482216152605 * 2000)),
    UNIT("TonneForce", x * (9.80665 * 1000), x / (9.80665 * 1000)),
};

// Base unit: Meter.
constexpr Unit kLength[] = {
    UNIT("Angstrom", x * 1e-10, x / 1e-10),
    UNIT("AstronomicalUnit", x * 1.4959787070e11, x / 1.4959787070e11),
    UNIT("Centimeter", x * 1e-2, x / 1e-2),
    UNIT("Chain", x * 20.1168, x / 20.1168),
    UNIT("DataMile", x * 1828.8, x / 1828.8),
    UNIT("Decameter", x * 1e1, x / 1e1),
    UNIT("Decimeter", x * 1e-1, x / 1e-1),
    UNIT("DtpPica", x / 236.220472441, x * 236.220472441),
    UNIT("DtpPoint", (x / 72) * 2.54e-2, (x / 2.54e-2) * 72),
    UNIT("Fathom", x * 1.8288, x / 1.8288),
    UNIT("Foot", x * 0.3048, x / 0.3048),
    UNIT("Hand", x * 1.016e-1, x / 1.016e-1),
    UNIT("Hectometer", x * 1e2, x / 1e2),
    UNIT("Inch", x * 2.54e-2, x / 2.54e-2),
    UNIT("KilolightYear", (x * 9.46073047258e15) * 1e3, (x / 9.46073047258e15) / 1e3),
    UNIT("Kilometer", x * 1e3, x / 1e3),
    UNIT("Kiloparsec", (x * 3.08567758128e16) * 1e3, (x / 3.08567758128e16) / 1e3),
    UNIT("LightYear", x * 9.46073047258e15, x / 9.46073047258e15),
    UNIT("MegalightYear", (x * 9.46073047258e15) * 1e6, (x / 9.46073047258e15) / 1e6),
    UNIT("Megaparsec", (x * 3.08567758128e16) * 1e6, (x / 3.08567758128e16) / 1e6),
    UNIT("Meter", x, x),
    UNIT("Microinch", x * 2.54e-8, x / 2.54e-8),
    UNIT("Micrometer", x * 1e-6, x / 1e-6),
    UNIT("Mil", x * 2.54e-5, x / 2.54e-5),
    UNIT("Mile", x * 1609.344, x / 1609.344),
    UNIT("Millimeter", x * 1e-3, x / 1e-3),
    UNIT("Nanometer", x * 1e-9, x / 1e-9),
    UNIT("NauticalMile", x * 1852, x / 1852),
    UNIT("Parsec", x * 3.08567758128e16, x / 3.08567758128e16),
    UNIT("PrinterPica", x / 237.106301584, x * 237.106301584),
    UNIT("PrinterPoint", (x / 72.27) * 2.54e-2, (x / 2.54e-2) * 72.27),
    UNIT("Shackle", x * 27.432, x / 27.432),
    UNIT("SolarRadius", x * 6.95510000e+08, x / 6.95510000e+08),
    UNIT("Twip", x / 56692.913385826, x * 56692.913385826),
    UNIT("UsSurveyFoot", x * 1200 / 3937, x * 3937 / 1200),
    UNIT("Yard", x * 0.9144, x / 0.9144),
};

// Base unit: Kilogram. The metric units are prefixed grams, so UnitsNet goes through the gram
// (Kilogram itself included).
constexpr Unit kMass[] = {
    UNIT("Centigram", (x / 1e3) * 1e-2, (x * 1e3) / 1e-2),
    UNIT("Decagram", (x / 1e3) * 1e1, (x * 1e3) / 1e1),
    UNIT("Decigram", (x / 1e3) * 1e-1, (x * 1e3) / 1e-1),
    UNIT("EarthMass", x * 5.9722e+24, x / 5.9722e+24),
    UNIT("Grain", x / 15432.358352941431, x * 15432.358352941431),
    UNIT("Gram", x / 1e3, x * 1e3),
    UNIT("Hectogram", (x / 1e3) * 1e2, (x * 1e3) / 1e2),
    UNIT("Kilogram", (x / 1e3) * 1e3, (x * 1e3) / 1e3),
    UNIT("Kilopound", (x * 0.45359237) * 1e3, (x / 0.45359237) / 1e3),
    UNIT("Kilotonne", (x * 1e3) * 1e3, (x / 1e3) / 1e3),
    UNIT("LongHundredweight", x / 0.01968413055222121, x * 0.01968413055222121),
    UNIT("LongTon", x * 1.0160469088e3, x / 1.0160469088e3),
    UNIT("Megapound", (x * 0.45359237) * 1e6, (x / 0.45359237) / 1e6),
    UNIT("Megatonne", (x * 1e3) * 1e6, (x / 1e3) / 1e6),
    UNIT("Microgram", (x / 1e3) * 1e-6, (x * 1e3) / 1e-6),
    UNIT("Milligram", (x / 1e3) * 1e-3, (x * 1e3) / 1e-3),
    UNIT("Nanogram", (x / 1e3) * 1e-9, (x * 1e3) / 1e-9),
    UNIT("Ounce", x * 0.028349523125, x / 0.028349523125),
    UNIT("Pound", x * 0.45359237, x / 0.45359237),
    UNIT("ShortHundredweight", x / 0.022046226218487758, x * 0.022046226218487758),
    UNIT("ShortTon", x * 9.0718474e2, x / 9.0718474e2),
    UNIT("Slug", x / 6.852176556196105e-2, x * 6.852176556196105e-2),
    UNIT("SolarMass", x * 1.98947e30, x / 1.98947e30),
    UNIT("Stone", x / 0.1574731728702698, x * 0.1574731728702698),
    UNIT("Tonne", x * 1e3, x / 1e3),
};

// Base unit: MeterPerSecond.
constexpr Unit kSpeed[] = {
    UNIT("CentimeterPerHour", (x / 3600) * 1e-2, (x * 3600) / 1e-2),
    UNIT("CentimeterPerMinute", (x / 60) * 1e-2, (x * 60) / 1e-2),
    UNIT("CentimeterPerSecond", x * 1e-2, x / 1e-2),
    UNIT("DecimeterPerMinute", (x / 60) * 1e-1, (x * 60) / 1e-1),
    UNIT("DecimeterPerSecond", x * 1e-1, x / 1e-1),
    UNIT("FootPerHour", x * 0.3048 / 3600, x / 0.3048 * 3600),
    UNIT("FootPerMinute", x * 0.3048 / 60, x / 0.3048 * 60),
    UNIT("FootPerSecond", x * 0.3048, x / 0.3048),
    UNIT("InchPerHour", (x / 3600) * 2.54e-2, (x / 2.54e-2) * 3600),
    UNIT("InchPerMinute", (x / 60) * 2.54e-2, (x / 2.54e-2) * 60),
    UNIT("InchPerSecond", x * 2.54e-2, x / 2.54e-2),
    UNIT("KilometerPerHour", (x / 3600) * 1e3, (x * 3600) / 1e3),
    UNIT("KilometerPerMinute", (x / 60) * 1e3, (x * 60) / 1e3),
    UNIT("KilometerPerSecond", x * 1e3, x / 1e3),
    UNIT("Knot", x * (1852.0 / 3600.0), x / (1852.0 / 3600.0)),
    UNIT("MeterPerHour", x / 3600, x * 3600),
    UNIT("MeterPerMinute", x / 60, x * 60),
    UNIT("MeterPerSecond", x, x),
    UNIT("MicrometerPerMinute", (x / 60) * 1e-6, (x * 60) / 1e-6),
    UNIT("MicrometerPerSecond", x * 1e-6, x / 1e-6),
    UNIT("MilePerHour", x * 0.44704, x / 0.44704),
    UNIT("MillimeterPerHour", (x / 3600) * 1e-3, (x * 3600) / 1e-3),
    UNIT("MillimeterPerMinute", (x / 60) * 1e-3, (x * 60) / 1e-3),
    UNIT("MillimeterPerSecond", x * 1e-3, x / 1e-3),
    UNIT("NanometerPerMinute", (x / 60) * 1e-9, (x * 60) / 1e-9),
    UNIT("NanometerPerSecond", x * 1e-9, x / 1e-9),
    UNIT("UsSurveyFootPerHour", (x * 1200 / 3937) / 3600, (x * 3937 / 1200) * 3600),
    UNIT("UsSurveyFootPerMinute", (x * 1200 / 3937) / 60, (x * 3937 / 1200) * 60),
    UNIT("UsSurveyFootPerSecond", x * 1200 / 3937, x * 3937 / 1200),
    UNIT("YardPerHour", x * 0.9144 / 3600, x / 0.9144 * 3600),
    UNIT("YardPerMinute", x * 0.9144 / 60, x / 0.9144 * 60),
    UNIT("YardPerSecond", x * 0.9144, x / 0.9144),
};

// Base unit: Kelvin. Affine: a temperature, not a temperature difference.
constexpr Unit kTemperature[] = {
    UNIT("DegreeCelsius", x + 273.15, x - 273.15),
    UNIT("DegreeDelisle", x * -2 / 3 + 373.15, (x - 373.15) * -3 / 2),
    UNIT("DegreeFahrenheit", x * 5 / 9 + 459.67 * 5 / 9, (x - 459.67 * 5 / 9) * 9 / 5),
    UNIT("DegreeNewton", x * 100 / 33 + 273.15, (x - 273.15) * 33 / 100),
    UNIT("DegreeRankine", x * 5 / 9, x * 9 / 5),
    UNIT("DegreeReaumur", x * 5 / 4 + 273.15, (x - 273.15) * 4 / 5),
    UNIT("DegreeRoemer", x * 40 / 21 + 273.15 - 7.5 * 40 / 21, (x - (273.15 - 7.5 * 40 / 21)) * 21 / 40),
    UNIT("Kelvin", x, x),
    UNIT("MillidegreeCelsius", x / 1000 + 273.15, (x - 273.15) * 1000),
    UNIT("SolarTemperature", x * 5778, x / 5778),
};

// Base unit: CubicMeter.
constexpr Unit kVolume[] = {
    UNIT("AcreFoot", x / 0.000810714, x * 0.000810714),
    UNIT("AuTablespoon", x * 2e-5, x / 2e-5),
    UNIT("BoardFoot", x * 2.3597372158e-3, x / 2.3597372158e-3),
    UNIT("Centiliter", (x / 1e3) * 1e-2, (x * 1e3) / 1e-2),
    UNIT("CubicCentimeter", x / 1e6, x * 1e6),
    UNIT("CubicDecimeter", x / 1e3, x * 1e3),
    UNIT("CubicFoot", x * 2.8316846592e-2, x / 2.8316846592e-2),
    UNIT("CubicHectometer", x * 1e6, x / 1e6),
    UNIT("CubicInch", x * 1.6387 * 1e-5, x / (1.6387 * 1e-5)),
    UNIT("CubicKilometer", x * 1e9, x / 1e9),
    UNIT("CubicMeter", x, x),
    UNIT("CubicMicrometer", x / 1e18, x * 1e18),
    UNIT("CubicMile", x * 4.16818182544058e9, x / 4.16818182544058e9),
    UNIT("CubicMillimeter", x / 1e9, x * 1e9),
    UNIT("CubicYard", x * 0.764554858, x / 0.764554858),
    UNIT("Decaliter", (x / 1e3) * 1e1, (x * 1e3) / 1e1),
    UNIT("DecausGallon", (x * 0.00378541) * 1e1, (x / 0.00378541) / 1e1),
    UNIT("Deciliter", (x / 1e3) * 1e-1, (x * 1e3) / 1e-1),
    UNIT("DeciusGallon", (x * 0.00378541) * 1e-1, (x / 0.00378541) / 1e-1),
    UNIT("HectocubicFoot", (x * 2.8316846592e-2) * 1e2, (x / 2.8316846592e-2) / 1e2),
    UNIT("HectocubicMeter", x * 1e2, x / 1e2),
    UNIT("Hectoliter", (x / 1e3) * 1e2, (x * 1e3) / 1e2),
    UNIT("HectousGallon", (x * 0.00378541) * 1e2, (x / 0.00378541) / 1e2),
    UNIT("ImperialBeerBarrel", x * 0.16365924, x / 0.16365924),
    UNIT("ImperialGallon", x * 0.00454609000000181429905810072407, x / 0.00454609000000181429905810072407),
    UNIT("ImperialOunce", x * 2.8413062499962901241875439064617e-5, x / 2.8413062499962901241875439064617e-5),
    UNIT("ImperialPint", x * 5.6826125e-4, x / 5.6826125e-4),
    UNIT("KilocubicFoot", (x * 2.8316846592e-2) * 1e3, (x / 2.8316846592e-2) / 1e3),
    UNIT("KilocubicMeter", x * 1e3, x / 1e3),
    UNIT("KiloimperialGallon", (x * 0.00454609000000181429905810072407) * 1e3,
         (x / 0.00454609000000181429905810072407) / 1e3),
    UNIT("Kiloliter", (x / 1e3) * 1e3, (x * 1e3) / 1e3),
    UNIT("KilousGallon", (x * 0.00378541) * 1e3, (x / 0.00378541) / 1e3),
    UNIT("Liter", x / 1e3, x * 1e3),
    UNIT("MegacubicFoot", (x * 2.8316846592e-2) * 1e6, (x / 2.8316846592e-2) / 1e6),
    UNIT("MegaimperialGallon", (x * 0.00454609000000181429905810072407) * 1e6,
         (x / 0.00454609000000181429905810072407) / 1e6),
    UNIT("Megaliter", (x / 1e3) * 1e6, (x * 1e3) / 1e6),
    UNIT("MegausGallon", (x * 0.00378541) * 1e6, (x / 0.00378541) / 1e6),
    UNIT("MetricCup", x * 0.00025, x / 0.00025),
    UNIT("MetricTeaspoon", x * 0.5e-5, x / 0.5e-5),
    UNIT("Microliter", (x / 1e3) * 1e-6, (x * 1e3) / 1e-6),
    UNIT("Milliliter", (x / 1e3) * 1e-3, (x * 1e3) / 1e-3),
    UNIT("OilBarrel", x * 0.158987294928, x / 0.158987294928),
    UNIT("UkTablespoon", x * 1.5e-5, x / 1.5e-5),
    UNIT("UsBeerBarrel", x * 0.1173477658, x / 0.1173477658),
    UNIT("UsCustomaryCup", x * 0.0002365882365, x / 0.0002365882365),
    UNIT("UsGallon", x * 0.00378541, x / 0.00378541),
    UNIT("UsLegalCup", x * 0.00024, x / 0.00024),
    UNIT("UsOunce", x * 2.957352956253760505068307980135e-5, x / 2.957352956253760505068307980135e-5),
    UNIT("UsPint", x * 4.73176473e-4, x / 4.73176473e-4),
    UNIT("UsQuart", x * 9.46352946e-4, x / 9.46352946e-4),
    UNIT("UsTablespoon", x * 1.478676478125e-5, x / 1.478676478125e-5),
    UNIT("UsTeaspoon", x * 4.92892159375e-6, x / 4.92892159375e-6),
};

#undef UNIT

const Unit* find_unit(std::span<const Unit> units, std::string_view name) {
  for (const Unit& u : units) {
    if (u.name == name) return &u;
  }
  return nullptr;
}

// UnitsNet returns the value untouched when both units are the same; otherwise it goes through
// the base unit.
inline double convert(double x, const Unit& from, const Unit& to) {
  return &from == &to ? x : to.from_base(from.to_base(x));
}

ColumnPtr convert_units(const KernelArgs& a, std::span<const Unit> units) {
  RealReader value(a[0]);
  StringReader from(a[1]);
  StringReader to(a[2]);
  RealWriter out(a.result, a.rows);
  if (a[1].is_constant() && a[2].is_constant()) {
    // The usual call: both units are literals, looked up once.
    const Unit* f = find_unit(units, from.get(0));
    const Unit* t = find_unit(units, to.get(0));
    if (!f || !t) return Column::make_nulls(a.result, a.rows);
    for (size_t i = 0; i < a.rows; ++i) {
      if (value.null(i)) {
        out.set_null(i);
      } else {
        out.set(i, convert(value.get(i), *f, *t));
      }
    }
    return out.finish();
  }
  for (size_t i = 0; i < a.rows; ++i) {
    const Unit* f = find_unit(units, from.get(i));
    const Unit* t = find_unit(units, to.get(i));
    if (value.null(i) || !f || !t) {
      out.set_null(i);
    } else {
      out.set(i, convert(value.get(i), *f, *t));
    }
  }
  return out.finish();
}

ColumnPtr convert_angle_kernel(const KernelArgs& a) { return convert_units(a, kAngle); }
ColumnPtr convert_energy_kernel(const KernelArgs& a) { return convert_units(a, kEnergy); }
ColumnPtr convert_force_kernel(const KernelArgs& a) { return convert_units(a, kForce); }
ColumnPtr convert_length_kernel(const KernelArgs& a) { return convert_units(a, kLength); }
ColumnPtr convert_mass_kernel(const KernelArgs& a) { return convert_units(a, kMass); }
ColumnPtr convert_speed_kernel(const KernelArgs& a) { return convert_units(a, kSpeed); }
ColumnPtr convert_temperature_kernel(const KernelArgs& a) { return convert_units(a, kTemperature); }
ColumnPtr convert_volume_kernel(const KernelArgs& a) { return convert_units(a, kVolume); }

constexpr KernelTable kKernels[] = {
    {"convert_angle", convert_angle_kernel},
    {"convert_energy", convert_energy_kernel},
    {"convert_force", convert_force_kernel},
    {"convert_length", convert_length_kernel},
    {"convert_mass", convert_mass_kernel},
    {"convert_speed", convert_speed_kernel},
    {"convert_temperature", convert_temperature_kernel},
    {"convert_volume", convert_volume_kernel},
};

}  // namespace

void attach_unit_conversion_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
