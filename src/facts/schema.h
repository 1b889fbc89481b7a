// Fact table declarations: every table's name, columns and descriptions, declared once in code.
// `shipshape tables`, docs/tables.md and the SQLite schema are all generated from these.
#pragma once

#include <string>
#include <vector>

namespace shipshape {

enum class ColumnType { kText, kInteger, kReal };

struct ColumnDef {
  std::string name;
  ColumnType type;
  std::string description;
};

// A fact table. Every table has a first column `host` (added implicitly); tables whose rows come
// from a file declare `file` and `line` columns themselves.
struct TableDef {
  std::string name;
  std::string description;
  std::vector<ColumnDef> columns;  // without `host` (unless per_host is false)
  bool per_host = true;            // false for reference tables (clock, lifecycle): no host column
};

// Registers a table for the life of the program; returns it so a parser can keep a reference.
// Call only from static initialisers (a `static const TableDef& kX = RegisterTable({...})`).
const TableDef& RegisterTable(TableDef def);
// All registered tables, sorted by name.
std::vector<const TableDef*> AllTables();
const TableDef* FindTable(const std::string& name);

// Shorthands for declarations.
inline ColumnDef Text(std::string name, std::string description) {
  return {std::move(name), ColumnType::kText, std::move(description)};
}
inline ColumnDef Int(std::string name, std::string description) {
  return {std::move(name), ColumnType::kInteger, std::move(description)};
}
inline ColumnDef Real(std::string name, std::string description) {
  return {std::move(name), ColumnType::kReal, std::move(description)};
}
inline ColumnDef FileCol() { return Text("file", "path of the file the row comes from, as on the target"); }
inline ColumnDef LineCol() { return Int("line", "1-based line in that file (0 if not tied to a line)"); }

// CREATE TABLE statement for a table.
std::string CreateTableSql(const TableDef& table);
// Markdown reference of all tables (docs/tables.md).
std::string TablesMarkdown();
// Plain-text listing for `shipshape tables`.
std::string TablesText();

}  // namespace shipshape
