// Functions of no other family that mean something on one machine: new_guid, the query's
// environment (current_database, current_cluster_endpoint, current_principal*), the current
// record's extent (extent_id, extent_tags, ingestion_time), estimate_data_size, assert, around.
#include <random>
#include <vector>

#include "huntdb/functions/kernels/dynamic_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/types/guid.h"

namespace huntdb::functions {

namespace {

// The names this engine reports for its environment: one database, on this machine, queried by
// the local user.
constexpr std::string_view kDatabase = "huntdb";
constexpr std::string_view kClusterEndpoint = "http://localhost";
constexpr std::string_view kPrincipal = "local=huntdb";

// new_guid (the Kusto reference page "new_guid()"): a random version-4 guid per row.
ColumnPtr new_guid_kernel(const KernelArgs& a) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::vector<Guid> out(a.rows);
  for (auto& g : out) {
    uint64_t hi = rng(), lo = rng();
    for (int k = 0; k < 8; ++k) {
      g.bytes[k] = static_cast<uint8_t>(hi >> (8 * k));
      g.bytes[8 + k] = static_cast<uint8_t>(lo >> (8 * k));
    }
    g.bytes[6] = static_cast<uint8_t>((g.bytes[6] & 0x0F) | 0x40);  // version 4
    g.bytes[8] = static_cast<uint8_t>((g.bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  }
  return Column::make_guids(std::move(out));
}

ColumnPtr constant_string(const KernelArgs& a, std::string_view s) {
  return Column::make_constant(Value::of_string(std::string(s)), a.rows);
}

ColumnPtr current_database_kernel(const KernelArgs& a) { return constant_string(a, kDatabase); }
ColumnPtr current_cluster_endpoint_kernel(const KernelArgs& a) { return constant_string(a, kClusterEndpoint); }
ColumnPtr current_principal_kernel(const KernelArgs& a) { return constant_string(a, kPrincipal); }

// current_principal_details (the Kusto reference page): the same keys Kusto reports, for a
// local principal that no identity provider vouches for.
ColumnPtr current_principal_details_kernel(const KernelArgs& a) {
  auto s = [](std::string_view v) { return DynValue::of_string(std::string(v)); };
  DynValue::Properties props{
      {"UserPrincipalName", DynValue::null()}, {"IdentityProvider", s("local")}, {"Authority", DynValue::null()},
      {"Mfa", s("False")},                      {"Type", s("Local")},             {"DisplayName", s(kPrincipal)},
      {"ObjectId", DynValue::null()},           {"FQN", s(kPrincipal)},           {"Notes", DynValue::null()},
  };
  return Column::make_constant(Value::of_dynamic(DynValue::of_object(std::move(props))), a.rows);
}

// current_principal_is_member_of(groups...): the local principal belongs to no group.
ColumnPtr current_principal_is_member_of_kernel(const KernelArgs& a) {
  return Column::make_constant(Value::of_bool(false), a.rows);
}

// extent_id (the Kusto reference page "extent_id()"): records not attached to a data shard get
// the empty guid, and no record here carries its shard.
ColumnPtr extent_id_kernel(const KernelArgs& a) { return Column::make_constant(Value::of_guid(Guid{}), a.rows); }

// extent_tags: a record without a shard has no tags.
ColumnPtr extent_tags_kernel(const KernelArgs& a) {
  return Column::make_constant(Value::of_dynamic(DynValue::of_array({})), a.rows);
}

// ingestion_time (the Kusto reference page "ingestion_time()"): null for records ingested
// without the IngestionTime policy, which is all of them here.
ColumnPtr ingestion_time_kernel(const KernelArgs& a) { return Column::make_nulls(ScalarType::DateTime, a.rows); }

// The values in a dynamic tree, itself included.
int64_t count_nodes(const DynValue& root) {
  int64_t n = 0;
  std::vector<const DynValue*> pending{&root};
  while (!pending.empty()) {
    const DynValue* v = pending.back();
    pending.pop_back();
    ++n;
    for (const auto& e : v->elements()) pending.push_back(e.get());
    for (const auto& [k, e] : v->properties()) pending.push_back(e.get());
  }
  return n;
}

// What a dynamic value costs beyond its JSON text, per value in it: the page says a dynamic value
// takes more than the string of its JSON text ("its internal representation is more complex")
// without saying how much; a type tag and a pointer's worth per value is this engine's estimate.
constexpr int64_t kDynamicNodeBytes = 8;

// estimate_data_size(columns | *) (the Kusto reference page "estimate_data_size()"): the bytes of
// the values, by type: long, real, datetime and timespan 8, int 4, bool 1, guid and decimal 16,
// a string its UTF-8 length, a dynamic value its JSON text and kDynamicNodeBytes per value in
// it. Nulls take nothing.
ColumnPtr estimate_data_size_kernel(const KernelArgs& a) {
  std::vector<int64_t> sizes(a.rows, 0);
  for (size_t k = 0; k < a.size(); ++k) {
    const Column& c = a[k];
    switch (c.type()) {
      case ScalarType::String: {
        StringReader r(c);
        for (size_t i = 0; i < a.rows; ++i) sizes[i] += static_cast<int64_t>(r.get(i).size());
        break;
      }
      case ScalarType::Dynamic: {
        DynamicReader r(c);
        std::string buf;
        for (size_t i = 0; i < a.rows; ++i) {
          const DynValue* v = r.get(i);
          if (!v || v->is_null()) continue;
          buf.clear();
          append_json(buf, *v);
          sizes[i] += static_cast<int64_t>(buf.size()) + kDynamicNodeBytes * count_nodes(*v);
        }
        break;
      }
      default: {
        int64_t width = 8;
        if (c.type() == ScalarType::Int) width = 4;
        if (c.type() == ScalarType::Bool) width = 1;
        if (c.type() == ScalarType::Guid || c.type() == ScalarType::Decimal) width = 16;
        for (size_t i = 0; i < a.rows; ++i) sizes[i] += c.is_null(i) ? 0 : width;
      }
    }
  }
  return Column::make_longs(ScalarType::Long, std::move(sizes));
}

// assert(predicate, message) (the Kusto reference page "assert()"): fails the query with the
// message when the predicate is false; true otherwise.
ColumnPtr assert_kernel(const KernelArgs& a) {
  BoolReader p(a[0]);
  StringReader m(a[1]);
  for (size_t i = 0; i < a.rows; ++i)
    if (!p.null(i) && !p.get(i)) throw KernelError(std::string(m.get(i)));
  return Column::make_constant(Value::of_bool(true), a.rows);
}

// around(value, center, delta) (the Kusto reference page "around()"): center - delta <= value <=
// center + delta; null if any argument is null.
ColumnPtr around_kernel(const KernelArgs& a) {
  BoolWriter w(ScalarType::Bool, a.rows);
  bool ticks = a[0].type() == ScalarType::DateTime || a[0].type() == ScalarType::TimeSpan;
  if (ticks) {
    LongReader v(a[0]), c(a[1]), d(a[2]);
    for (size_t i = 0; i < a.rows; ++i) {
      if (v.null(i) || c.null(i) || d.null(i)) {
        w.set_null(i);
        continue;
      }
      __int128 x = v.get(i), center = c.get(i), delta = d.get(i);
      w.set(i, x >= center - delta && x <= center + delta);
    }
  } else {
    RealReader v(a[0]), c(a[1]), d(a[2]);
    for (size_t i = 0; i < a.rows; ++i) {
      if (v.null(i) || c.null(i) || d.null(i)) {
        w.set_null(i);
        continue;
      }
      double x = v.get(i), center = c.get(i), delta = d.get(i);
      w.set(i, x >= center - delta && x <= center + delta);
    }
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {.name = "new_guid", .kernel = new_guid_kernel, .deterministic = false},
    {.name = "current_database", .kernel = current_database_kernel},
    {.name = "current_cluster_endpoint", .kernel = current_cluster_endpoint_kernel},
    {.name = "current_principal", .kernel = current_principal_kernel},
    {.name = "current_principal_details", .kernel = current_principal_details_kernel},
    {.name = "current_principal_is_member_of", .kernel = current_principal_is_member_of_kernel},
    {.name = "extent_id", .kernel = extent_id_kernel},
    {.name = "extent_tags", .kernel = extent_tags_kernel},
    {.name = "ingestion_time", .kernel = ingestion_time_kernel},
    {.name = "estimate_data_size", .kernel = estimate_data_size_kernel},
    {.name = "assert", .kernel = assert_kernel},
    {.name = "around", .kernel = around_kernel},
};

}  // namespace

void attach_misc_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
