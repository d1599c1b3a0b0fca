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
  'read.as_is': '{text}',
  'read.cell.problem': '{role}: {problem}',

  // Numbers written the local way: number-format.ts.
  'read.number.cell': '{row}, {role} sütunu',
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
  'read.geojson.invalid_points':
    'etibarlı JSON deyil; Point obyektlərindən ibarət GeoJSON FeatureCollection gözlənilir',
  'read.geojson.points': 'Point obyektlərindən ibarət GeoJSON FeatureCollection gözlənilir',

  // Which column is which (--columns, a plan's columns:): column-map.ts. Column names are the file's.
  'read.columns.syntax': '{flag}: vergüllə ayrılmış ROL=SÜTUN cütləri gözlənilir, məsələn, lat=Y,lon=X',
  'read.columns.twice': '{flag}: {role} iki dəfə göstərilib; hər rolu bir dəfə göstərin',
  'read.columns.no_role': "{where}: burada '{role}' rolu yoxdur; rollar bunlardır: {roles}{near}",
  'read.columns.did_you_mean': ' ({near} nəzərdə tutulurdu?)',
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
};
