// The web workbench's files: served at / from a web root folder, with the content type each file
// needs (browsers refuse module scripts and wasm sent as text/plain), index.html for "/" and
// nothing outside the folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace huntdb::server {

// The content type for a file name's extension (application/octet-stream if unknown).
std::string_view content_type_for(std::string_view path);

// The default web root: a `web` folder beside the binary, else <repo>/web/dist when the binary
// runs from a build folder of the repository. nullopt when neither exists.
std::optional<std::filesystem::path> default_web_root(const std::filesystem::path& executable);

// The file a request path names under root: "/" is index.html; nullopt when the path is not a
// plain file inside the root (missing, a folder, or escaping it with ..).
std::optional<std::filesystem::path> resolve_static_path(const std::filesystem::path& root,
                                                         std::string_view request_path);

}  // namespace huntdb::server
