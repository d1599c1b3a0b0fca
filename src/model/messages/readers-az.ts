/** The Azerbaijani refusals of the input readers (readers-en.ts has the keys). */
import type { readersEn } from './readers-en.js';

export const readersAz: Record<keyof typeof readersEn, string> = {
  'read.too_many_rows': '{max} sətirdən çoxdur; faylı hissələrə bölün',
  'read.lines': '{a}\n{b}',

  // Any file: text-input.ts.
  'read.file.missing': 'belə fayl yoxdur',
  'read.file.unreadable': 'oxuna bilmir ({code})',
  'read.file.io_error': 'oxuna bilmir (giriş-çıxış xətası)',
  'read.file.directory': 'bu, qovluqdur; fayl göstərin (məsələn, {name}/dost.yaml)',
  'read.file.too_big': 'giriş faylı üçün icazə verilən {mb} MB-dan böyükdür; doğru fayldırmı?',
  'read.file.empty_pipe': 'bu kanala heç nə yazılmayıb; əvvəlcə yazan proqramı işə salın və ya adi fayl göstərin',
  'read.text.binary': 'mətn faylı gözlənilən yerdə ikili məzmun var (NUL baytı); doğru fayldırmı?',
  'read.text.not_utf8':
    'etibarlı UTF-8 deyil; faylı UTF-8 kodlaşdırması ilə saxlayın (əksər redaktorlarda: "Save with encoding")',

  // CSV: csv-dialect.ts, csv-reader.ts.
  'read.csv.comma': 'vergül',
  'read.csv.semicolon': 'nöqtəli vergül',
  'read.csv.tab': 'tabulyasiya simvolu',
  'read.csv.row_width':
    'bu sətirdə {n} sahə var, başlıq sətrində isə {header}; içində {separator} olan dəyəri dırnağa alın ("…")',
  'read.csv.after_quote':
    'dırnaqlı sahədən sonra gözlənilməz mətn var; dırnaqlı dəyər sahənin hamısını tutmalıdır ("…")',
  'read.csv.quote_inside':
    'dırnaqsız sahənin içində dırnaq işarəsi var; sahənin hamısını dırnağa alın, içindəki dırnaqları isə qoşa yazın ("a ""b"" c")',
  'read.csv.unclosed_quote':
    'dırnaq açılıb, amma bağlanmayıb; onu bağlayın və ya mətn kimi nəzərdə tutulan dırnağı qoşa yazın',

  // ZIP archives (workbooks, zipped shapefiles): zip.ts. An entry's name is the archive's own.
  'read.zip.not_zip': 'ZIP arxivi deyil (mərkəzi kataloqun sonu yoxdur)',
  'read.zip.zip64': 'ZIP64 arxividir, bu format oxunmur; faylı yenidən saxlayın',
  'read.zip.too_many_files': 'içində {max} fayldan çox var; doğru fayldırmı?',
  'read.zip.directory_past_end': 'ZIP arxivi zədələnib (kataloqu arxivin sonundan kənara çıxır)',
  'read.zip.bad_entry': 'ZIP arxivi zədələnib (kataloqda yanlış qeyd var)',
  'read.zip.no_entry': 'içində {name} yoxdur',
  'read.zip.encrypted': 'arxiv şifrələnib; onu parolsuz saxlayın',
  'read.zip.misplaced': 'ZIP arxivi zədələnib ({name} kataloqun göstərdiyi yerdə deyil)',
  'read.zip.entry_past_end': 'ZIP arxivi zədələnib ({name} arxivin sonundan kənara çıxır)',
  'read.zip.no_inflate': 'ZIP arxivi zədələnib ({name} açılmır)',
  'read.zip.method': '{name} oxunmayan üsulla sıxılıb (üsul {method}); faylı yenidən saxlayın',
  'read.zip.too_big_mb': 'açıldıqda {mb} MB-dan böyük olur; doğru fayldırmı?',
  'read.zip.too_big_bytes': 'açıldıqda {bytes} baytdan böyük olur; doğru fayldırmı?',

  // JSON: json-text.ts ("not valid JSON: expected …", then what was expected where the text stops being JSON).
  'read.json.invalid': 'etibarlı JSON deyil: burada {expected} gözlənilirdi',
  'read.json.any': 'JSON mətni',
  'read.json.end': 'JSON dəyərindən sonra faylın sonu',
  'read.json.comma_or': "',' və ya '{close}'",
  'read.json.closing_quote': "bağlayan '\"' (mətn heç yerdə bitmir)",
  'read.json.control': 'mətnin içində idarəedici simvol yox, onun yazılışı (\\n, \\t …)',
  'read.json.escape': 'xüsusi simvolun yazılışı (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  'read.json.key': 'qoşa dırnaqda xassə adı',
  'read.json.key_or_end': "xassə adı və ya '}'",
  'read.json.colon': "xassə adından sonra ':'",
  'read.json.number': 'ədəd',
  'read.json.value': 'dəyər',
  'read.json.value_at_end': 'dəyər (fayl vaxtından əvvəl bitir)',

  // Tables (CSV, workbooks): table/csv-table.ts, table/file-kind.ts (a file of another kind), table/xlsx-table.ts.
  'read.table.no_rows': 'heç bir sətir yoxdur; başlıq sətri, sonra hər sətirdə bir qeyd gözlənilir',
  'read.kind.foreign': '{kind} — dostplan-ın oxuduğu cədvəl deyil; {fix}',
  'read.kind.xls': 'köhnə formatlı Office faylı (Excel 97–2003 .xls və ya .doc)',
  'read.kind.pdf': 'PDF sənədi',
  'read.kind.png': 'PNG şəkli',
  'read.kind.jpeg': 'JPEG şəkli',
  'read.kind.gif': 'GIF şəkli',
  'read.kind.gzip': 'gzip ilə sıxılmış fayl',
  'read.kind.7z': '7-Zip arxivi',
  'read.kind.rar': 'RAR arxivi',
  'read.kind.sqlite': 'SQLite verilənlər bazası (GeoPackage?)',
  'read.kind.ods': 'OpenDocument cədvəli (.ods)',
  'read.kind.odf': 'OpenDocument faylı (cədvəl deyil)',
  'read.kind.docx': 'Word sənədi (.docx)',
  'read.kind.pptx': 'PowerPoint faylı (.pptx)',
  'read.kind.zip': 'Excel iş kitabı olmayan ZIP arxivi',
  'read.kind.fix.save_as':
    'onu Excel Workbook (.xlsx) və ya CSV UTF-8 kimi saxlayın (File › Save As) və həmin faylı göstərin',
  'read.kind.fix.save_as_libreoffice':
    'onu Excel Workbook (.xlsx) və ya CSV UTF-8 kimi saxlayın (LibreOffice: File › Save As) və həmin faylı göstərin',
  'read.kind.fix.export': 'cədvəli götürüldüyü yerdən .xlsx və ya CSV (UTF-8) kimi ixrac edin',
  'read.kind.fix.gunzip': 'onu açın (gunzip) və içindəki faylı göstərin',
  'read.kind.fix.unpack': 'arxivi açın və içindəki faylı göstərin',
  'read.kind.fix.export_layer': 'qatı CSV və ya GeoJSON kimi ixrac edin (məsələn, ogr2ogr -f CSV out.csv in.gpkg)',
  'read.kind.fix.unzip':
    'arxivi açıb içindəki .csv və ya .xlsx faylını göstərin, ya da iş kitabını yenidən .xlsx kimi saxlayın',
  'read.xlsx.no_sheets': 'iş kitabında heç bir vərəq yoxdur',
  'read.xlsx.no_such_sheet': '{sheet} adlı vərəq yoxdur; iş kitabının vərəqləri: {sheets}',
  'read.xlsx.empty_sheet': '{sheet} vərəqi boşdur; başlıq sətri, sonra hər sətirdə bir qeyd gözlənilir',
  'read.xlsx.bad_xml': 'iş kitabı zədələnib ({part} düzgün qurulmuş XML deyil); faylı yenidən saxlayın',
  'read.xlsx.part.relations': 'iş kitabının əlaqələr hissəsi',
  'read.xlsx.part.workbook': 'iş kitabının özü',
  'read.xlsx.part.strings': 'ümumi mətnlər cədvəli',
  'read.xlsx.part.sheet': '{sheet} vərəqi',
  'read.xlsx.sheet_missing': 'iş kitabı zədələnib ({sheet} vərəqi yoxdur)',
  'read.xlsx.too_many_rows': '{sheet} vərəqində {max} sətirdən çox var; onu hissələrə bölün',

  // Places in a table, said inside a message: table/*.ts, number-format.ts.
  'read.at.line': 'sətir {line}',
  'read.at.row': 'sətir {row}',
  'read.cell.problem': '{role}: {problem}',

  // Numbers written the local way: number-format.ts.
  'read.number.cell': '{row}, `{role}` sütunu',
  'read.number.comma': 'vergül',
  'read.number.point': 'nöqtə',
  'read.number.mixed_marks':
    'burada onluq ayırıcı {mark}, {at} isə onluq ayırıcı kimi {other} işlədir; fayldakı bütün ədədləri eyni onluq ayırıcı ilə yazın',
  'read.number.ambiguous':
    'üç rəqəmdən əvvəlki vergül həm onluq ayırıcı, həm də minliklərin ayırıcısı ola bilər, fayldakı başqa heç bir ədəd isə hansı olduğunu göstərmir; sayı qruplara bölmədən (12000) və ya onluq nöqtə ilə (12.0) yazın',

  // Facility lists for import: facility-list.ts.
  'read.facility.empty_coordinate': 'boşdur; hər xidmət obyekti üçün lat və lon lazımdır',
  'read.facility.coordinate_range': '±{limit} aralığında ədəd olmalıdır (onluq dərəcə, WGS84)',
  'read.facility.control': 'idarəedici simvollar var (sətir keçidi, tabulyasiya, escape kodları)',
  'read.facility.kind': 'mərkəz və ya filial gözlənilir (center/branch, центр/филиал)',
  'read.facility.status': 'open, under_construction, planned və ya closed gözlənilir',
  'read.facility.date':
    'YYYY, YYYY-MM, YYYY-MM-DD və ya DD.MM.YYYY şəklində tarix gözlənilir (ay ilə günün ardıcıllığını ayırd etmək mümkün olmayan tarix qəbul edilmir)',
  'read.facility.no_rows':
    'heç bir xidmət obyekti yoxdur; başlıq sətri, sonra hər xidmət obyekti üçün bir sətir gözlənilir',
  'read.facility.not_a_number': 'ədəd deyil; onluq dərəcə ilə yazın, məsələn, 40.4093',
  'read.facility.geometry': '{feature}: geometry ədədi koordinatları [lon, lat] olan Point olmalıdır',

  // GeoJSON points (population, candidate sites, facility lists).
  'read.geojson.points': 'Point obyektlərindən ibarət GeoJSON FeatureCollection gözlənilir',

  // Which column is which (--columns, a plan's columns:): column-map.ts. Column names are the file's.
  'read.columns.syntax': '{flag}: vergüllə ayrılmış ROL=SÜTUN cütləri gözlənilir, məsələn, lat=Y,lon=X',
  'read.columns.twice': '{flag}: {role} iki dəfə göstərilib; hər rolu bir dəfə göstərin',
  'read.columns.no_role': "{where}: burada '{role}' rolu yoxdur; rollar bunlardır: {roles}{near}",
  'read.columns.did_you_mean': ' (bəlkə {near} nəzərdə tutulub?)',
  'read.columns.problem': '{what}; {list}{fix}',
  'read.columns.list': '{a}, {b}',
  'read.columns.missing': "'{role}' sütunu yoxdur",
  'read.columns.missing_mapped': "'{column}' sütunu yoxdur ({role} rolu üçün göstərilib)",
  'read.columns.header_empty': 'başlıq sətri boşdur',
  'read.columns.has': 'fayldakı sütunlar: {columns}',
  'read.columns.not_names_one': 'faylın birinci sətrində sütun adına oxşamayan 1 sahə var',
  'read.columns.not_names': 'faylın birinci sətrində sütun adlarına oxşamayan {n} sahə var',
  'read.columns.guess': '{column} — {role}',
  'read.columns.fix_guess': '; əgər bu uyğunluq doğrudursa ({guesses}), {flag} {spec} əlavə edin',
  'read.columns.fix_name': '; {expected} başlıq sətri gözlənilir, ya da sütunları {flag} {spec} ilə göstərin',
  'read.csv.more_fields':
    'başlıq sətrindəki {header} sahədən çox sahə var; içində {separator} olan dəyəri dırnağa alın ("…")',
  'read.csv.fewer_fields':
    '{n} sahə var, başlıq sətrində isə {header}; hər sətirdə hər sütun üçün dəyər (və ya boş sahə) olmalıdır',

  // Population points and candidate sites: population/points-csv.ts, points-table.ts, population-file.ts.
  'read.points.no_rows':
    'heç bir sətir yoxdur; lat,lon,population[,region] başlıq sətri, sonra hər nöqtə üçün bir sətir gözlənilir',
  'read.points.no_rows_table': 'heç bir sətir yoxdur; başlıq sətri, sonra hər nöqtə üçün bir sətir gözlənilir',
  'read.points.empty_cell': '{role} xanası boşdur; hər sətirdə lat, lon və population olmalıdır',
  'read.points.empty_cell_site': '{role} xanası boşdur; hər sətirdə lat və lon olmalıdır',
  'read.points.lat': 'lat ±90 aralığında ədəd olmalıdır',
  'read.points.lon': 'lon ±180 aralığında ədəd olmalıdır',
  'read.points.population': 'population 0 ilə {max} arasında ədəd olmalıdır (bir nöqtə üçün)',
  'read.points.control': 'name və ya region sütununda idarəedici simvollar var (sətir keçidi, escape kodları)',
  'read.geojson.map_position':
    'GeoJSON nöqtəsinin yeri onun geometry hissəsidir; yalnız population, region və ya name sütunlarını uyğunlaşdırın',
  'read.geojson.no_features': 'heç bir obyekt (feature) yoxdur; hər nöqtə üçün bir Point obyekti gözlənilir',
  'read.geojson.not_feature': '{found} yox, Feature obyekti gözlənilir',
  'read.geojson.not_point': 'geometry Point olmalıdır',

  // Points and their units: population/place-points.ts. {country} is the profile's name.
  'read.points.unknown_region': 'naməlum region kodu{shown} ({system}, məsələn, {example})',
  'read.points.outside_country':
    '{where}: (lat {lat}, lon {lon}) nöqtəsi {country} ərazisindəki heç bir inzibati vahidə düşmür (dənizdə və ya xaricdədir)',
  'read.points.outside_summary':
    '{path}: {n} nöqtə {country} inzibati vahidlərindən kənardadır; onları silin, ya da hansısa vahidə aiddirsə, onlar üçün region sütununu doldurun{swapped}',
  'read.points.more': '… və daha {n} nöqtə',
  'read.points.far_from_region':
    '{where}: (lat {lat}, lon {lon}) nöqtəsi region sütununda göstərilən {code} ({name}) vahidindən {km} km kənardadır; {lies}',
  'read.points.lies_in': 'o, {code} ({name}) ərazisindədir',
  'read.points.lies_nowhere': 'o, heç bir inzibati vahidə düşmür (dənizdə və ya xaricdədir)',
  'read.points.far_summary':
    '{path}: {count} nöqtədən {n} nöqtə region sütununda göstərilən vahiddən {km} km-dən çox kənardadır; koordinatları və ya region dəyərini düzəldin{swapped}',
  'read.points.swapped':
    '\nlat və lon sütunlarının yeri dəyişik düşüb: yoxlanılan və ölkədən kənara düşən {outside} nöqtədən {swapped} nöqtə lat ilə lon dəyişdirildikdə ölkənin içinə düşür; başlıq sətrində lat və lon sütun adlarının yerini dəyişin',
  'read.points.swapped_geojson':
    '\nlat və lon yerləri dəyişik düşüb: yoxlanılan və ölkədən kənara düşən {outside} nöqtədən {swapped} nöqtə lat ilə lon dəyişdirildikdə ölkənin içinə düşür; GeoJSON hər mövqeyi [lon, lat] kimi yazır (əvvəlcə uzunluq, RFC 7946): hər obyektin coordinates massivində iki ədədin yerini dəyişin',

  // Population grids: population/load-population.ts, h3-reader.ts, geotiff-reader.ts, raster-crs.ts, tiff-structure.ts; sqlite.ts.
  'read.population.directory': 'bu, qovluqdur; əhali faylını göstərin (GeoTIFF, GeoPackage, CSV və ya GeoJSON)',
  'read.population.none_inside':
    'onun əhalisi olan {n} xanasından heç biri ölkənin ərazisinə düşmür (kənarda {outside} nəfər){crs}',
  'read.population.read_as': '; fayl {crs} kimi oxunub: faylın koordinat sistemi budurmu?',
  'read.gpkg.unreadable':
    'oxuna bilən GeoPackage deyil{where}: {why}; fayl tamdırmı? onu mənbəyindən yenidən ixrac edin',
  'read.gpkg.sqlite_failed': 'SQLite onu oxuya bilmədi',
  'read.gpkg.at_row': ' (qat {layer}/{layers}, sətir {row})',
  'read.h3.not_cell': 'H3 xana indeksi deyil (15 onaltılıq rəqəm, məsələn, 882d1a8a67fffff)',
  'read.h3.population': 'population 0 ilə {max} arasında ədəd olmalıdır (bir xana üçün)',
  'read.h3.no_layer': 'onun {n} qatından heç birində H3 sütunu (h3) və əhali sütunu (population) yoxdur',
  'read.tiff.unreadable': 'oxuna bilən GeoTIFF deyil ({why})',
  'read.tiff.geokeys': 'onun GeoKey kataloqu zədələnib',
  'read.tiff.no_georeferencing':
    'GeoTIFF-in coğrafi istinadı yoxdur (ModelTiepoint + ModelPixelScale və ya ModelTransformation)',
  'read.tiff.rows': '1-ci zolağın {from}–{to} sətirləri oxuna bilmir ({why})',
  'read.tiff.population':
    '1-ci zolaq, piksel x={x} y={y}: əhali 0 ilə {max} arasında ədəd (bir xana üçün) və ya faylın nodata dəyəri olmalıdır',
  'read.tiff.block_too_big':
    '{width} × {height} xanalıq blok (kafel və ya zolaq) açıldıqda {mb} MiB olur, bu isə dostplan-ın bir dəfəyə oxuduğu {max} MiB-dan çoxdur; faylı kafellərə bölün (gdal_translate -co TILED=YES in.tif out.tif)',
  'read.tiff.window_too_big':
    'ölkənin ərazisi üzrə {width} × {height} xana oxunmalıdır, bu isə dostplan-ın oxuduğu {max} xanadan çoxdur; faylın ölçüsünü kiçildin (gdal_translate -tr) və ya onu ölkənin sərhədləri ilə kəsin (gdalwarp -te)',
  'read.tiff.crs_projected': '{pcs}{citation} proyeksiyalı koordinat sistemi',
  'read.tiff.crs_keys': 'koordinat sistemi açarları {keys}',
  'read.tiff.crs_unsupported':
    'dəstəklənməyən {found}; dəstəklənənlər: EPSG:4326, ESRI:54009 Mollweide, EPSG:3857, WGS 84 / UTM. Əvvəlcə faylı başqa proyeksiyaya keçirin, məsələn, gdalwarp -t_srs EPSG:4326 in.tif out.tif',
  'read.tiff.short': 'fayl TIFF başlığından qısadır',
  'read.tiff.directory_past_end': 'təsvir kataloqu faylın sonundan kənardadır',
  'read.tiff.too_many_fields': 'təsvir kataloqunda {n} sahə elan olunub',
  'read.tiff.directory_runs_past': 'təsvir kataloqu faylın sonundan kənara çıxır',
  'read.tiff.field_too_big': '{field} sahəsi faylda olduğundan çox məlumat elan edir',
  'read.tiff.blocks':
    'başlığında {width} × {height} xana üçün {needed} blok elan olunub, amma {located} blokun yeri göstərilib',

  // Road networks: roads/osm-reader.ts (OSM PBF, OSM XML, GeoJSON lines). Byte positions are the file's.
  'read.roads.missing': 'belə fayl yoxdur (--roads üçün yol şəbəkəsi)',
  'read.roads.directory': 'bu, qovluqdur; .osm.pbf, .osm və ya .geojson faylı göstərin',
  'read.roads.not_regular': 'yol şəbəkəsi kanal və ya qurğu yox, adi fayl olmalıdır; əvvəlcə onu fayla yazın',
  'read.roads.not_network':
    'yol şəbəkəsi deyil: OpenStreetMap PBF (.osm.pbf), OSM XML (.osm), GeoJSON LineString xətləri, ESRI Shapefile (.dbf faylı ilə yanaşı .shp və ya zip arxivi) və ya yol xətlərindən ibarət GeoPackage (.gpkg) gözlənilir',
  'read.roads.node_lat': 'qovşağın eni ±90° aralığından kənardadır',
  'read.roads.node_lon': 'qovşağın uzunluğu ±180° aralığından kənardadır',
  'read.pbf.truncated': 'PBF faylı {pos} baytında yarımçıq kəsilir',
  'read.pbf.big_header': 'PBF zədələnib: {pos} baytında {n} baytlıq blok başlığı var',
  'read.pbf.big_blob': 'blok {n} baytdır (format 32 MiB-a qədər icazə verir)',
  'read.pbf.corrupt': 'PBF zədələnib: {pos} baytındakı blok: {why}',
  'read.pbf.not_osm': 'OSM məlumatı kimi açılmır',
  'read.pbf.declares': 'açılmış ölçüsünü {n} bayt elan edir (format 32 MiB-a qədər icazə verir)',
  'read.pbf.inflates_more': 'açıldıqda elan etdiyi {n} baytdan böyük olur',
  'read.pbf.no_inflate': 'sıxılmış blok açılmır',
  'read.pbf.inflates_to': 'açıldıqda elan etdiyi {declared} bayt yox, {n} bayt olur',
  'read.pbf.compression':
    'PBF LZMA/LZ4/zstd ilə sıxılıb; əvvəlcə onu zlib-ə çevirin (osmium cat in.osm.pbf -o out.osm.pbf)',
  'read.pbf.features': 'PBF dostplan-ın oxumadığı imkanları tələb edir: {features}',
  'read.pbf.dense': 'DenseNodes-da {ids} identifikator, amma {lats} en və {lons} uzunluq var',
  'read.osm.not_number': '{what} yoxdur və ya ədəd deyil',
  'read.osm.not_xml': 'düzgün qurulmuş XML deyil ({why})',
  'read.geojson.lines': 'highway xassəsi olan LineString xətlərindən ibarət GeoJSON FeatureCollection gözlənilir',
  'read.geojson.position': '{where}: mövqe dərəcə ilə [uzunluq, en] olmalıdır',
  'read.geojson.multiline': '{where}: MultiLineString-in koordinatları xətlər siyahısı olmalıdır',
  'read.geojson.line': '{where}: koordinatlar mövqelər siyahısı olmalıdır',

  // GIS road layers: roads/road-lines.ts, shapefile-reader.ts, geopackage-reader.ts. Layer and field names are the file's.
  'read.roads.bad_point':
    '{feature}: nöqtə ədəd deyil və ya ±90° en / ±180° uzunluq aralığından kənardadır; qat WGS 84 (EPSG:4326) sistemindədirmi?',
  'read.roads.no_field': "{table} daxilində '{wanted}' sahəsi yoxdur (--roads-class-field); onun sahələri: {list}",
  'read.roads.no_class_field':
    '{table} daxilində highway və ya fclass sahəsi yoxdur; onun sahələri: {list}; yol sinfi sahəsini --roads-class-field NAME ilə göstərin',
  'read.shp.the_dbf': '.dbf faylı',
  'read.shp.shape': 'obyekt {n}',
  'read.shp.no_dbf':
    'yanında {name}.dbf yoxdur; shapefile-ın atributları (yol sinfi) .dbf faylındadır: onu .shp faylının yanına köçürün',
  'read.shp.zip_many':
    '{file}: içində {n} shapefile var, heç birinin adında *roads* yoxdur; arxivi açın və yolların .shp faylını göstərin',
  'read.shp.zip_none':
    '{file}: içində .shp yoxdur; yol xətlərindən ibarət zip-lənmiş shapefile (.shp və .dbf) gözlənilir',
  'read.shp.zip_no_dbf': 'arxivdə yolların .shp faylı var, amma onun .dbf faylı yoxdur (yol sinfi oradadır)',
  'read.shp.projected':
    'shapefile proyeksiyalı koordinat sistemindədir (.prj faylına görə); onu WGS 84 (EPSG:4326) sisteminə keçirin, məsələn, ogr2ogr -t_srs EPSG:4326 out.shp in.shp',
  'read.shp.no_row': '{n} nömrəli obyektin .dbf faylında sətri yoxdur ({count} sətir); bu fayllar bir-birinə aid deyil',
  'read.shp.damaged': '.shp faylı zədələnib ({what}); onu yenidən ixrac edin',
  'read.shp.no_header': 'shapefile başlığı yoxdur',
  'read.shp.not_lines':
    'shapefile xətlərdən deyil, başqa obyektlərdən ibarətdir ({kind}); --roads üçün yol xətləri lazımdır',
  'read.shp.points': 'nöqtələr',
  'read.shp.multipoints': 'çoxnöqtəli obyektlər',
  'read.shp.polygons': 'poliqonlar',
  'read.shp.shape_type': 'obyekt tipi {t}',
  'read.shp.record_past_end': '{n} nömrəli qeyd faylın sonundan kənara çıxır',
  'read.shp.record_kind': '{n} nömrəli qeyd xətt deyil ({kind})',
  'read.shp.record_short': '{n} nömrəli qeyd çox qısadır',
  'read.shp.record_counts': '{n} nömrəli qeyd özündə olduğundan çox hissə və ya nöqtə elan edir',
  'read.shp.record_part': '{n} nömrəli qeydin bir hissəsi onun nöqtələrindən kənardadır',
  'read.dbf.damaged': '.dbf faylı zədələnib ({what}); onu yenidən ixrac edin',
  'read.dbf.no_header': 'başlıq yoxdur',
  'read.dbf.rows': 'başlığı faylda olduğundan çox sətir elan edir',
  'read.dbf.fields': 'sahələri sətirlərindən enlidir',
  'read.gpkg.layer': "'{layer}' qatı",
  'read.gpkg.feature': '{layer}, obyekt {n}',
  'read.gpkg.at_feature': ' ({feature})',
  'read.gpkg.view':
    "'{layer}' qatı görünüşdür (view), bu isə oxunmur (onun sorğusu sonsuz işləyə bilər); onu cədvəl kimi saxlayın (ogr2ogr -f GPKG out.gpkg in.gpkg)",
  'read.gpkg.not_geometry': '{feature}: həndəsə GeoPackage həndəsəsi deyil; onu yenidən ixrac edin',
  'read.gpkg.not_gpkg':
    'SQLite faylıdır, amma GeoPackage deyil (gpkg_contents və ya gpkg_geometry_columns yoxdur); yolları GeoPackage (ogr2ogr -f GPKG roads.gpkg …) və ya ESRI Shapefile kimi saxlayın',
  'read.gpkg.no_layer_named': "'{name}' adlı xətt qatı yoxdur (--roads-layer); onun xətt qatları: {names}",
  'read.gpkg.no_layer_named_none': "'{name}' adlı xətt qatı yoxdur (--roads-layer); faylda heç bir xətt qatı yoxdur",
  'read.gpkg.no_lines':
    'onun {n} obyekt qatı arasında xətlərdən (LineString və ya MultiLineString) ibarət qat yoxdur; --roads üçün yol xətləri lazımdır',
  'read.gpkg.many_layers': '{n} xətt qatı var ({names}); yollar olanı --roads-layer NAME ilə göstərin',
  'read.gpkg.srs':
    "'{layer}' qatı WGS 84 uzunluq/en sistemində deyil (onun koordinat sistemi: {srs}); onu başqa sistemə keçirin: ogr2ogr -t_srs EPSG:4326 out.gpkg in.gpkg",
  'read.gpkg.damaged': '{feature}: həndəsə zədələnib ({what}); qatı yenidən ixrac edin',
  'read.gpkg.no_header': 'GeoPackage həndəsə başlığı yoxdur',
  'read.gpkg.extended': 'genişləndirilmiş GeoPackage həndəsəsidir, bu isə oxunmur',
  'read.gpkg.envelope': 'naməlum əhatə düzbucaqlısı',
  'read.gpkg.part': 'MultiLineString-in LineString olmayan hissəsi var',
  'read.gpkg.cut_short': 'yarımçıq kəsilib',
  'read.gpkg.byte_order': 'naməlum bayt sırası',
  'read.gpkg.geometry_type': 'naməlum həndəsə tipi',
  'read.gpkg.counts': 'özündə olduğundan çox nöqtə elan edir',

  // Road networks as a whole: roads/road-network.ts, road-profile.ts. {profile} is the profile's name.
  'read.roads.none_for_car':
    'avtomobilin istifadə edə biləcəyi heç bir yol yoxdur ({profile} profilindəki highway siniflərindən heç biri yoxdur); bu, yol şəbəkəsidirmi?',
  'read.roads.none_for_walker':
    'piyadanın istifadə edə biləcəyi heç bir yol yoxdur ({profile} profilindəki highway siniflərindən heç biri yoxdur); bu, yol şəbəkəsidirmi?',
  'read.roads.mode_without_roads': '--mode yol şəbəkəsi ilə necə hərəkət edildiyini seçir: --roads FAYL əlavə edin',
  'read.roads.options_without_roads':
    '--roads-class-field və --roads-layer yol şəbəkəsinin necə oxunacağını göstərir: --roads FAYL əlavə edin',
  'read.profile.yaml_tag': 'yol profilində YAML teqi (!…) işlədilmir; onu silin',
  'read.profile.finding': '{finding} (yol profili)',

  // Plans, data folders and candidate costs: plan-context.ts, dataset-loader.ts, map-layers.ts, candidate-costs.ts, candidates.ts.
  'read.plan.has_errors': '{file} faylında xətalar var; əvvəlcə onları düzəldin ({command})',
  'read.population.flags_without_file': '--columns və --sheet əhali faylına aiddir: --population FAYL əlavə edin',
  'read.population.scale_without_file':
    '--scale-to və --resolution əhali faylına aiddir (--population FAYL); daxili nöqtələrdə artıq rəsmi rəqəmlər var',
  'read.data.missing': '{file} oxuna bilmir (ENOENT): {folder} dostplan məlumat qovluğudurmu?',
  'read.data.map_json': 'etibarlı JSON deyil ({why}); onu npm run data:build ilə yenidən qurun',
  'read.costs.ambiguous':
    '{where}: {key}: üç rəqəmdən əvvəlki ayırıcı həm onluq ayırıcı, həm də minliklərin ayırıcısı ola bilər; məbləği manatla, ayırıcısız yazın (1500000 və ya 1500000.50)',
  'read.costs.range': '{where}: {key} 0 ilə {max} arasında manatla məbləğ olmalıdır; onu sadə ədəd kimi yazın',
  'read.costs.source_text': '{where}: cost_source mətn olmalıdır',
  'read.costs.count': '{path}: {sites} yer üçün xərcləri olan {rows} sətir var; boş sətirləri silin',

  // Graphs in the OR-Library pmed format (optimize --graph): orlib.ts.
  'read.orlib.header':
    'əvvəlcə "n edges p" başlığı, sonra hər til üçün bir "i j cost" sətri gözlənilir (OR-Library pmed formatı)',
  'read.orlib.whole': '{what} {min} ilə {max} arasında tam ədəd olmalıdır',
  'read.orlib.n': 'n (təpələrin sayı)',
  'read.orlib.m': 'tillərin sayı',
  'read.orlib.p': 'p (medianların sayı)',
  'read.orlib.vertex': 'təpə',
  'read.orlib.edge_count': 'başlıqda {m} til göstərilib, faylda isə {lines} til sətri var',
  'read.orlib.edge_line': '"i j cost" (3 ədəd) gözlənilirdi, {n} ədəd var',
  'read.orlib.cost': 'tilin xərci ≥ 0 ədəd olmalıdır',
  'read.orlib.disconnected':
    '{parts} ayrı hissədən ibarət qraf üçün p = {p} azdır ({vertex} nömrəli təpəyə 1 nömrəli təpədən çatmaq olmur): hər hissəyə öz medianı lazımdır, ona görə p ən azı {parts} olmalıdır',

  // positions: tipli formatda (GeoJSON) dəyər öz tipində olmalıdır.
  'read.number_as_text': '{role} dırnaq içində mətn kimi yazılıb; ədədi dırnaqsız yazın',
  // import: sətrin xanasında imtina (fayl:sətir:sütun).
  'read.import.same_id': '{id} id-si artıq {before} üçün verilib; hər xidmət obyektinə ayrıca id verin',
  'read.import.outside':
    'ölkədən kənarda yerləşir (en {lat}, uzunluq {lon}) və inzibati vahidi göstərilməyib; ' +
    'koordinatları yoxlayın (en və uzunluq yerini dəyişib?) və ya `region` sütununu doldurun',
  'read.import.no_center':
    'filialın mərkəzi göstərilməyib, siyahıda isə mərkəz yoxdur; onun ana mərkəzinin id-sini yazın (`center` sütunu)',
  'read.text_expected': '{role} mətn olmalıdır; onu dırnaq içində yazın',
  'read.data.empty_region':
    'region xanası boşdur; məlumat qovluğundakı nöqtələrin hər sətri öz vahidinin kodunu göstərməlidir',
};
