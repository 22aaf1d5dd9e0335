#include "huntdb/server/static_files.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace huntdb::server {

namespace fs = std::filesystem;

std::string_view content_type_for(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kTypes = {{
      {".html", "text/html; charset=utf-8"}, {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"}, {".json", "application/json"}, {".map", "application/json"},
      {".wasm", "application/wasm"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".ico", "image/x-icon"}, {".woff", "font/woff"}, {".woff2", "font/woff2"},
      {".ttf", "font/ttf"}, {".otf", "font/otf"}, {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}, {".gif", "image/gif"}, {".webp", "image/webp"},
  }};
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
    std::string ext(path.substr(dot));
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [e, type] : kTypes)
      if (e == ext) return type;
  }
  return "application/octet-stream";
}

std::optional<fs::path> default_web_root(const fs::path& executable) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(executable, ec).parent_path();
  if (fs::is_directory(dir / "web", ec)) return dir / "web";
  // A build folder inside the repository (build/huntdb): the workbench's build output.
  for (fs::path p = dir; !p.empty() && p != p.root_path(); p = p.parent_path())
    if (fs::is_directory(p / "web" / "dist", ec)) return p / "web" / "dist";
  return std::nullopt;
}

std::optional<fs::path> resolve_static_path(const fs::path& root, std::string_view request_path) {
  std::string rel(request_path);
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  // Any ".." segment is refused outright rather than normalized.
  for (size_t b = 0; b <= rel.size();) {
    size_t e = rel.find('/', b);
    if (e == std::string::npos) e = rel.size();
    if (rel.substr(b, e - b) == "..") return std::nullopt;
    b = e + 1;
  }
  std::error_code ec;
  fs::path base = fs::weakly_canonical(root, ec);
  fs::path file = fs::weakly_canonical(base / rel, ec);
  if (ec) return std::nullopt;
  auto [rb, fb] = std::mismatch(base.begin(), base.end(), file.begin(), file.end());
  if (rb != base.end()) return std::nullopt;  // a link leading out of the root
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

}  // namespace huntdb::server
