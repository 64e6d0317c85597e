// The numbers of the demo CRM's records (line items, deals, prices, counts) and their emission in the class of
// their field: integer, double, decimal at the column's scale, or text.
#include <algorithm>
#include <array>
#include <cstdlib>

#include "engine/demo/record_builder.hpp"

namespace vtql::demo {
namespace {

constexpr std::int64_t kDiscountPercents[] = {5, 10, 15, 20};

constexpr std::array<std::int64_t, 19> kPow10 = [] {
  std::array<std::int64_t, 19> table{};
  table[0] = 1;
  for (std::size_t i = 1; i < table.size(); ++i) table[i] = table[i - 1] * 10;
  return table;
}();

const types::Decimal::Mantissa& mantissa_pow10(int exponent) {
  static const auto table = [] {
    std::array<types::Decimal::Mantissa, types::Decimal::kMaxScale + 1> powers;
    powers[0] = 1;
    for (std::size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * 10;
    return powers;
  }();
  return table[static_cast<std::size_t>(exponent)];
}

// `units` × 10^-decimals as text with `digits` >= decimals digits after the point ("4.500").
std::string format_units(std::int64_t units, int decimals, int digits) {
  std::string out;
  if (units < 0) out += '-';
  const std::uint64_t magnitude = units < 0 ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
  const auto unit = static_cast<std::uint64_t>(kPow10[static_cast<std::size_t>(decimals)]);
  out += std::to_string(magnitude / unit);
  if (digits == 0) return out;
  out += '.';
  if (decimals > 0) {
    const std::string fraction = std::to_string(magnitude % unit);
    out.append(static_cast<std::size_t>(decimals) - fraction.size(), '0');
    out += fraction;
  }
  out.append(static_cast<std::size_t>(digits - decimals), '0');
  return out;
}

// A generated number in the class of its field; decimals and doubles keep the column's scale exactly.
types::Value emit_number(std::int64_t units, int decimals, const FieldDef& field) {
  switch (value_class(field.type)) {
    case ValueClass::kInteger:
      return units / kPow10[static_cast<std::size_t>(decimals)];
    case ValueClass::kDouble:
      // Both operands are exact doubles and IEEE division rounds correctly: the same bits everywhere.
      return static_cast<double>(units) / static_cast<double>(kPow10[static_cast<std::size_t>(decimals)]);
    case ValueClass::kDecimal: {
      const int scale = field.scale >= 0 ? std::min(field.scale, types::Decimal::kMaxScale) : 8;
      if (scale >= decimals) {
        return types::Decimal(types::Decimal::Mantissa(units) * mantissa_pow10(scale - decimals), scale);
      }
      const std::int64_t divisor = kPow10[static_cast<std::size_t>(decimals - scale)];
      std::int64_t quotient = units / divisor;
      if (2 * std::llabs(units % divisor) >= divisor) quotient += units < 0 ? -1 : 1;
      return types::Decimal(types::Decimal::Mantissa(quotient), scale);
    }
    default:
      return format_units(units, decimals, std::max(decimals, field.scale));
  }
}

}  // namespace

void RecordBuilder::make_line_item() {
  LineItem& line = line_;
  line.quantity = rng_.chance(700) ? rng_.between(1, 10) : rng_.between(11, 500);
  line.list_price = rng_.log_spread(0, 4) * 100 + rng_.between(0, 99);
  line.sub_total = line.quantity * line.list_price;
  const auto discount_kind = rng_.below(10);
  line.has_percent = discount_kind < 3;
  line.has_discount = discount_kind < 4;
  line.discount_percent = line.has_percent ? pick(rng_, std::span<const std::int64_t>(kDiscountPercents)) : 0;
  line.discount = line.has_percent    ? line.sub_total * line.discount_percent / 100
                  : line.has_discount ? rng_.between(1, std::max<std::int64_t>(1, line.sub_total / 10))
                                      : 0;
  line.shipping = rng_.chance(400) ? rng_.between(500, 5000) : 0;
  line.shipping_percent = line.shipping == 0 ? 0 : rng_.between(1, 10);
  line.pre_tax = line.sub_total - line.discount;
  line.adjustment = rng_.chance(800) ? 0 : rng_.between(-1000, 1000);
  // VAT of 4.5 %, the install's default tax.
  line.grand_total = line.pre_tax + line.pre_tax * 45 / 1000 + line.shipping + line.adjustment;
  const auto paid_kind = rng_.below(10);
  line.paid = paid_kind < 5 ? 0 : paid_kind < 8 ? line.grand_total : rng_.between(0, line.grand_total);
}

types::Value RecordBuilder::number_value(const FieldPlan& field) {
  std::int64_t units = 0;
  int decimals = field.scale;
  switch (field.gen) {
    case Gen::kNumber:
      units = rng_.between(field.lo, field.hi);
      break;
    case Gen::kLogNumber: {
      const std::int64_t unit = kPow10[static_cast<std::size_t>(decimals)];
      units =
          rng_.log_spread(static_cast<int>(field.lo), static_cast<int>(field.hi)) * unit + rng_.between(0, unit - 1);
      break;
    }
    case Gen::kChoice:
      units = pick(rng_, field.numbers);
      break;
    case Gen::kDurationHours:
      units = duration_hours_;
      decimals = 0;
      break;
    case Gen::kSequence:
      units = static_cast<std::int64_t>(ordinal_) + 1;
      decimals = 0;
      break;
    case Gen::kCurrencyRate: {
      const auto currencies = pools::currencies();
      units = currencies[field.role == 1 ? ordinal_ % currencies.size() : currency_].rate_millis;
      decimals = 3;
      break;
    }
    case Gen::kPrice:
      units = field.role == 0 ? price_ : cost_;
      decimals = 2;
      break;
    case Gen::kDeal:
      decimals = field.role == static_cast<int>(DealRole::kProbability) ? 0 : 2;
      units = field.role == static_cast<int>(DealRole::kAmount)     ? deal_.amount
              : field.role == static_cast<int>(DealRole::kForecast) ? deal_.forecast
                                                                    : deal_.probability;
      break;
    default: {  // kInventory
      using R = InventoryRole;
      const LineItem& line = line_;
      decimals = 2;
      switch (static_cast<R>(field.role)) {
        case R::kQuantity:
          units = line.quantity;
          decimals = 0;
          break;
        case R::kListPrice:
          units = line.list_price;
          break;
        case R::kSubTotal:
          units = line.sub_total;
          break;
        case R::kDiscountPercent:
        case R::kLineDiscountPercent:
          if (!line.has_percent) return types::Null{};
          units = line.discount_percent;
          decimals = 0;
          break;
        case R::kDiscountAmount:
        case R::kLineDiscountAmount:
          if (!line.has_discount) return types::Null{};
          units = line.discount;
          break;
        case R::kShippingAmount:
          units = line.shipping;
          break;
        case R::kShippingPercent:
          units = line.shipping_percent;
          decimals = 0;
          break;
        case R::kPreTaxTotal:
          units = line.pre_tax;
          break;
        case R::kGrandTotal:
          units = line.grand_total;
          break;
        case R::kAdjustment:
          units = line.adjustment;
          break;
        case R::kPaid:
          units = line.paid;
          break;
        case R::kBalance:
          units = line.grand_total - line.paid;
          break;
      }
    }
  }
  return emit_number(units, decimals, *field.field);
}

}  // namespace vtql::demo
